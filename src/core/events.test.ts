import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.js';
import { appendEvent, SYSTEM_ACTOR } from './events.js';

describe('event log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
  });
  afterAll(() => t.close());

  it('refuses UPDATE, DELETE and changes nothing', async () => {
    const db = t.ctx.handle.db;
    await appendEvent(db, SYSTEM_ACTOR, { entityType: 'place', entityId: 'x1', placeId: 'x1', action: 'create', to: { name: 'a' } });
    const before = await db.selectFrom('events').selectAll().execute();
    await expect(sql`update events set action = 'forged'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from events`.execute(db)).rejects.toThrow(/append-only/);
    if (t.ctx.handle.dialect === 'postgres') await expect(sql`truncate events`.execute(db)).rejects.toThrow(/append-only/);
    expect(await db.selectFrom('events').selectAll().execute()).toEqual(before);
    expect(before.at(-1)).toMatchObject({ action: 'create', entity_id: 'x1', to_state: '{"name":"a"}', actor_name: 'system' });
  });
});
