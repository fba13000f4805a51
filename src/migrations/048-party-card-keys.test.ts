import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.js';
import { up } from './048-party-card-keys.js';

describe('migration 048: every post holder has a card key', () => {
  let t: TestApp;
  const db = () => t.ctx.handle.db;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(() => t.close());

  it('mints the key a holder lacks (once cards were minted on a public read) leaves the others as they were, and mints nothing twice', async () => {
    const holders = await db().selectFrom('party_claims').select('member_id').distinct().where('state', '=', 'holding').orderBy('member_id').execute();
    expect(holders.length).toBeGreaterThan(0);
    const keysOf = async () => new Map((await db().selectFrom('party_public_keys').select(['subject_id', 'key']).where('subject_type', '=', 'member').execute())
      .map((k) => [k.subject_id, k.key]));
    const before = await keysOf();
    const lost = holders[0]!.member_id;
    await db().deleteFrom('party_public_keys').where('subject_type', '=', 'member').where('subject_id', '=', lost).execute();
    await up(db());
    const after = await keysOf();
    expect(after.get(lost)).toMatch(/^[a-z2-9]{16}$/);
    expect(after.get(lost)).not.toBe(before.get(lost));
    const others = (keys: Map<string, string>) => [...keys].filter(([id]) => id !== lost);
    expect(others(after)).toEqual(others(before));
    expect(holders.every((h) => after.has(h.member_id))).toBe(true);
    // Run again, it finds nothing to mint.
    await up(db());
    expect(await keysOf()).toEqual(after);
    const card = await t.app.inject({ url: `/api/public/cards/${after.get(lost)}` });
    expect(card.statusCode, card.body).toBe(200);
  });
});
