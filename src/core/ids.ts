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

export function nowIso(): string {
  return new Date().toISOString();
}
