import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A 16-character id: 9 characters of time (sortable), 7 random. Only [0-9a-z], so paths stay prefix-safe. */
export function newId(): string {
  const time = Date.now().toString(36).padStart(9, '0');
  const bytes = randomBytes(7);
  let rand = '';
  for (const b of bytes) rand += ALPHABET[b % 36];
  return time + rand;
}

// 32 letters and digits without the look-alikes (0/o, 1/l): 16 of them are 80 random bits.
const KEY_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** An unguessable key for a public page (a QR code, a card): 16 characters a person can read off paper. */
export const newPublicKey = () => [...randomBytes(16)].map((b) => KEY_ALPHABET[b % 32]).join('');

export function nowIso(): string {
  return new Date().toISOString();
}
