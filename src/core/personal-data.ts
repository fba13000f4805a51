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

/** A ledger column's mask: a value already masked stays as it is, anything else is masked, so no full number leaves in an export. */
export const maskedColumn = (kind: 'phone' | 'idNumber') => (value: string) => (isMasked(value) ? value : mask(kind, value));

/**
 * The text as the patterns read it: full-width forms (１３８, ＋８６, ＠, （０２０）, the ideographic space) and dashes as
 * their ASCII forms, one UTF-16 unit for one, so a match's offsets are those of the original text.
 */
function normalised(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000\u00a0\u2010-\u2015\u2212]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
    return code === 0x3000 || code === 0xa0 ? ' ' : '-';
  });
}

/** Between the digit groups of a number: one space, or a dot or dash with a space either side at most. */
const SEP = String.raw`(?: ?[.\-] ?| )?`;
const digits = (n: number) => String.raw`\d(?:${SEP}\d){${n - 1}}`;
/** A number is never part of a longer run of digits (an order number, an amount, a date): no digit right before or after. */
const NOT_AFTER_DIGIT = String.raw`(?<![\d])`;
const NOT_BEFORE_DIGIT = String.raw`(?![\d])`;
const COUNTRY = String.raw`(?:(?:\+|00)?86|\(\+?86\))`;
const AREA = String.raw`(?:10|2\d|[3-9]\d{2})`;
const LOCAL = String.raw`[2-9]\d{2,3}${SEP}\d{4}`;

const EMAIL_IN_TEXT = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// 18 characters (the last may be X), in any grouping; or the old 15-digit number, written without gaps.
const ID_IN_TEXT = new RegExp(String.raw`${NOT_AFTER_DIGIT}${digits(17)}${SEP}[\dXx]${NOT_BEFORE_DIGIT}|${NOT_AFTER_DIGIT}\d{15}${NOT_BEFORE_DIGIT}`, 'g');
// A mainland mobile (1[3-9] and nine more digits) in any grouping, with or without +86, 0086 or (+86) before it.
const MOBILE_IN_TEXT = new RegExp(String.raw`${NOT_AFTER_DIGIT}(?:${COUNTRY}${SEP})?1[3-9]\d(?:${SEP}\d){8}${NOT_BEFORE_DIGIT}`, 'g');
// A landline with its area code: 0757-87654321, 02088886666, (020)8888 6666, 020-8888 6666, +86 20 8888 6666.
const LANDLINE_IN_TEXT = new RegExp(
  String.raw`${NOT_AFTER_DIGIT}(?:${COUNTRY}${SEP}\(?${AREA}\)?|\(0${AREA}\)|0${AREA})${SEP}${LOCAL}${NOT_BEFORE_DIGIT}`, 'g');

const onlyDigits = (s: string) => s.replace(/[^\dXx]/g, '').toUpperCase();

/** An 18-character ID number written with gaps must also look like one (a birth date), or two numbers side by side would be taken for one. */
function looksLikeId(match: string): boolean {
  const id = onlyDigits(match);
  if (id.length === 15) return /^\d{6}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}$/.test(id);
  return id === match.toUpperCase() || /^\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX]$/.test(id);
}

const maskEmail = (m: string) => `${m[0]}***${m.slice(m.indexOf('@'))}`;
const maskMobile = (m: string) => mask('phone', onlyDigits(m).replace(/^(?:0086|86)(?=1\d{10}$)/, ''));
// A landline keeps its leading 0: +86 20 8888 6666 → 020****6666.
const maskLandline = (m: string) => {
  const n = onlyDigits(m);
  return mask('phone', n.startsWith('0') && !n.startsWith('0086') ? n : `0${n.replace(/^(?:00)?86/, '')}`);
};

/** Each kind in turn: a span masked by an earlier kind (an e-mail holding digits, an ID number) is not looked at again. */
const KINDS: { pattern: RegExp; accept?: (m: string) => boolean; masked: (m: string) => string }[] = [
  { pattern: EMAIL_IN_TEXT, masked: maskEmail },
  { pattern: ID_IN_TEXT, accept: looksLikeId, masked: (m) => mask('idNumber', onlyDigits(m)) },
  { pattern: MOBILE_IN_TEXT, masked: maskMobile },
  { pattern: LANDLINE_IN_TEXT, masked: maskLandline },
];

/**
 * Masks the personal data someone typed into free text (a complaint's description, a result, a comment, a title) for
 * whoever may not see it: the public (Open311), the resident's pages, the notifications of the units. ID numbers
 * (4406**********1234), mobiles and landlines (138****5678, 020****6666) however they are grouped or written
 * (full-width digits, +86, dots, dashes, spaces, brackets round the area code), and e-mail addresses (z***@qq.com).
 * Dates, order numbers, amounts and room numbers are left alone: they are not separated digits of the right length.
 */
export function maskPersonalText(text: string): string {
  if (!text) return text;
  const scan = normalised(text);
  const spans: { start: number; end: number; masked: string }[] = [];
  const taken = (start: number, end: number) => spans.some((s) => start < s.end && s.start < end);
  for (const kind of KINDS) {
    const re = new RegExp(kind.pattern.source, 'g');
    for (let m = re.exec(scan); m; m = re.exec(scan)) {
      const start = m.index;
      const end = start + m[0].length;
      if (kind.accept && !kind.accept(m[0])) {
        re.lastIndex = start + 1;
        continue;
      }
      if (!taken(start, end)) spans.push({ start, end, masked: kind.masked(m[0]) });
    }
  }
  if (spans.length === 0) return text;
  spans.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + s.masked;
    at = s.end;
  }
  return out + text.slice(at);
}
