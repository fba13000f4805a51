import type { Kysely } from 'kysely';

// The public key's form as core/ids.ts mints it today, kept here so this migration never changes with later code.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const newKey = () => [...globalThis.crypto.getRandomValues(new Uint8Array(16))].map((b) => ALPHABET[b % 32]).join('');

/**
 * A post holder's card key is minted when they claim the post (it was minted when a public page first listed them):
 * every member holding a post today gets theirs, so no public read writes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const holders: { id: string; place_id: string; place_path: string }[] = await db.selectFrom('party_members as m')
    .select(['m.id', 'm.place_id', 'm.place_path']).distinct()
    .where((eb) => eb.exists(eb.selectFrom('party_claims as k').select('k.id').whereRef('k.member_id', '=', 'm.id').where('k.state', '=', 'holding')))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('party_public_keys as pk').select('pk.key')
      .whereRef('pk.subject_id', '=', 'm.id').where('pk.subject_type', '=', 'member'))))
    .execute();
  const now = new Date().toISOString();
  for (let i = 0; i < holders.length; i += 200) {
    await db.insertInto('party_public_keys').values(holders.slice(i, i + 200).map((m) => ({
      key: newKey(), subject_type: 'member', subject_id: m.id, place_id: m.place_id, place_path: m.place_path, created_at: now,
    }))).execute();
  }
}

/** The keys stay: a card once printed or shared keeps working. */
export async function down(): Promise<void> {}
