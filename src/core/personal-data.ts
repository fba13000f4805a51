import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Personal data (phone, ID number, address): AES-256-GCM at rest, masked copies for lists. */
export type PersonalKind = 'phone' | 'idNumber' | 'address';

export interface PersonalDataCipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** A keyed hash for exact look-ups (find a resident by phone) without decrypting. */
  blindIndex(plain: string): string;
}

const KEY_FILE = 'onegrid.key';

/** The key comes from ONEGRID_DATA_KEY (64 hex chars or base64), else from DATA_DIR/onegrid.key, made on first start with mode 0600. */
export function loadDataKey(dataDir: string, configured?: string): Buffer {
  if (configured) return parseKey(configured);
  const file = path.join(dataDir, KEY_FILE);
  if (fs.existsSync(file)) return parseKey(fs.readFileSync(file, 'utf8').trim());
  fs.mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  fs.writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}

export const dataKeyFile = (dataDir: string) => path.join(dataDir, KEY_FILE);

function parseKey(text: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error('ONEGRID_DATA_KEY must be 32 bytes (64 hex characters or base64)');
  return key;
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
