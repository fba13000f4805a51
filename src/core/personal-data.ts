import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { type Db, dialectOf, StartupRefused } from './db.js';

/** Personal data (phone, ID number, address): AES-256-GCM at rest, masked copies for lists. */
export type PersonalKind = 'phone' | 'idNumber' | 'address';

export interface PersonalDataCipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** A keyed hash for exact look-ups (find a resident by phone) without decrypting. */
  blindIndex(plain: string): string;
}

const KEY_FILE = 'onegrid.key';

/**
 * The key comes from ONEGRID_DATA_KEY (64 hex chars or base64), else from DATA_DIR/onegrid.key, made on first start with
 * mode 0600 (unless `create` is false: then a missing key file is a refusal to start).
 */
export function loadDataKey(dataDir: string, configured?: string, opts: { create?: boolean } = {}): Buffer {
  if (configured) return parseKey(configured);
  const file = path.join(dataDir, KEY_FILE);
  if (fs.existsSync(file)) return parseKey(fs.readFileSync(file, 'utf8').trim());
  if (opts.create === false) {
    throw new StartupRefused(`This database holds personal data encrypted with a key, and no key is configured: set ONEGRID_DATA_KEY to the key `
      + `the other processes use, or put their DATA_DIR/onegrid.key at ${file}. Refusing to start with a new key, which could not read that data.`);
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  // Written beside it and linked into place: a process starting at the same moment reads a whole key, or makes none.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  fs.writeFileSync(draft, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  try {
    fs.linkSync(draft, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return parseKey(fs.readFileSync(file, 'utf8').trim());
  } finally {
    fs.rmSync(draft, { force: true });
  }
  return key;
}

export const dataKeyFile = (dataDir: string) => path.join(dataDir, KEY_FILE);

function parseKey(text: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error('ONEGRID_DATA_KEY must be 32 bytes (64 hex characters or base64)');
  return key;
}

export interface InstanceSettingTable {
  name: string;
  value: string;
  created_at: string;
}

export interface InstanceSettingsTables {
  instance_settings: InstanceSettingTable;
}

const FINGERPRINT = 'data_key_fingerprint';

/** Names the key without revealing it: an HMAC of a constant under the key. */
export function dataKeyFingerprint(key: Buffer): string {
  return 'v1:' + createHmac('sha256', key).update('onegrid-data-key-fingerprint').digest('hex').slice(0, 32);
}

/**
 * The personal-data key this process may run with: the configured one, checked against the fingerprint the database
 * recorded at its first start. A process with another key refuses to start (it would write what the others cannot read,
 * and every reveal of theirs would fail); a database that has no fingerprint yet records this key's, after checking on
 * one stored value per encrypted column that the key reads what is there (a database from before fingerprints). Call it
 * under the startup lock, with the owner's connection where there is one.
 */
export async function openDataKey(db: Db, dataDir: string, configured?: string): Promise<Buffer> {
  const recorded = await db.selectFrom('instance_settings').select('value').where('name', '=', FINGERPRINT).executeTakeFirst();
  const source = configured ? 'ONEGRID_DATA_KEY' : `the key file ${path.join(dataDir, KEY_FILE)}`;
  const sample = recorded ? [] : await encryptedSamples(db);
  const key = loadDataKey(dataDir, configured, { create: !recorded && sample.length === 0 });
  const fingerprint = dataKeyFingerprint(key);
  if (recorded) {
    if (recorded.value !== fingerprint) throw keyMismatch(source, `its fingerprint ${fingerprint} is not the ${recorded.value} this database was first started with`);
    return key;
  }
  const cipher = createCipher(key);
  for (const { table, column, value } of sample) {
    try {
      cipher.decrypt(value);
    } catch {
      throw keyMismatch(source, `it cannot decrypt ${table}.${column}`);
    }
  }
  await db.insertInto('instance_settings').values({ name: FINGERPRINT, value: fingerprint, created_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('name').doNothing()).execute();
  const stored = await db.selectFrom('instance_settings').select('value').where('name', '=', FINGERPRINT).executeTakeFirstOrThrow();
  if (stored.value !== fingerprint) throw keyMismatch(source, `another process recorded the fingerprint ${stored.value} first`);
  return key;
}

const keyMismatch = (source: string, why: string) => new StartupRefused(
  `The personal-data key from ${source} is not this database's key: ${why}. Every process on one database must use the same key: `
  + 'set ONEGRID_DATA_KEY to the key the others use (or put their DATA_DIR/onegrid.key in place). Refusing to start, so that '
  + 'nothing is written that the other processes cannot decrypt.',
);

/** One stored value of each encrypted column (the `_enc` columns) that holds any. */
async function encryptedSamples(db: Db): Promise<{ table: string; column: string; value: string }[]> {
  const columns = dialectOf(db) === 'postgres'
    ? (await sql<{ table: string; column: string }>`select table_name as "table", column_name as "column" from information_schema.columns
        where table_schema = current_schema() and right(column_name, 4) = '_enc' order by 1, 2`.execute(db)).rows
    : (await sql<{ table: string; column: string }>`select m.name as "table", c.name as "column" from sqlite_master m, pragma_table_info(m.name) c
        where m.type = 'table' and substr(c.name, -4) = '_enc' order by 1, 2`.execute(db)).rows;
  const out: { table: string; column: string; value: string }[] = [];
  for (const { table, column } of columns) {
    const col = sql.ref(column);
    const row = (await sql<{ value: string }>`select ${col} as value from ${sql.table(table)} where ${col} is not null limit 1`.execute(db)).rows[0];
    if (row) out.push({ table, column, value: row.value });
  }
  return out;
}

export function createCipher(key: Buffer): PersonalDataCipher {
  const indexKey = createHmac('sha256', key).update('onegrid-blind-index').digest();
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return 'v1.' + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    decrypt(stored) {
      const raw = Buffer.from(stored.slice(3), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    blindIndex(plain) {
      return createHmac('sha256', indexKey).update(plain).digest('base64url').slice(0, 32);
    },
  };
}

/** 13812345678 → 138****5678; 440607199001011234 → 4406**********1234; addresses keep their first part. */
export function mask(kind: PersonalKind, plain: string): string {
  if (!plain) return '';
  if (kind === 'phone') {
    if (plain.length >= 11) return plain.slice(0, 3) + '****' + plain.slice(-4);
    return plain.slice(0, Math.max(1, plain.length - 4)).replace(/./g, '*') + plain.slice(-4);
  }
  if (kind === 'idNumber') return plain.slice(0, 4) + '*'.repeat(Math.max(0, plain.length - 8)) + plain.slice(-4);
  const chars = [...plain];
  const keep = Math.min(6, Math.ceil(chars.length / 2));
  return chars.slice(0, keep).join('') + '****';
}

export const isMasked = (value: string) => value.includes('*');

// Digits not inside a longer run of digits: an 18-character ID number, a mainland mobile, a landline with area code.
const ID_IN_TEXT = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const MOBILE_IN_TEXT = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/g;
const LANDLINE_IN_TEXT = /(?<!\d)0\d{2,3}-\d{7,8}(?!\d)/g;

/**
 * Masks ID numbers and phone numbers that someone typed into free text (a complaint's description, a comment), for
 * text shown outside the office (Open311, public pages): 138****5678, 4406**********1234.
 */
export function maskPersonalText(text: string): string {
  return text
    .replace(ID_IN_TEXT, (m) => mask('idNumber', m))
    .replace(MOBILE_IN_TEXT, (m) => mask('phone', m.replace(/[- ]/g, '').replace(/^\+?86/, '')))
    .replace(LANDLINE_IN_TEXT, (m) => mask('phone', m));
}
