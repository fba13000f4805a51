import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.js';
import { appendEvent, SYSTEM_ACTOR } from './events.js';

describe('event log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
    const db = t.ctx.handle.db;
    await appendEvent(db, SYSTEM_ACTOR, { entityType: 'place', entityId: 'x1', placeId: 'x1', action: 'create', to: { name: 'a' } });
    await appendEvent(db, SYSTEM_ACTOR, { entityType: 'resident', entityId: 'r1', placeId: 'x1', action: 'reveal', reason: 'check' });
  });
  afterAll(() => t.close());

  const columns = sql`id, at, actor_id, actor_name, entity_type, entity_id, action, from_state, to_state, reason, place_id`;
  const forged = sql`id, at, actor_id, actor_name, entity_type, entity_id, 'sign_in', from_state, to_state, reason, place_id`;

  it('refuses every statement that would change or remove a row, as the owner too, and changes nothing', async () => {
    const pg = t.ctx.handle.dialect === 'postgres';
    const before = await t.ctx.handle.db.selectFrom('events').selectAll().orderBy('id').execute();
    expect(before.map((e) => e.action)).toEqual(['create', 'reveal']);
    const [first] = before;
    const statements = [
      sql`update events set action = 'forged'`,
      sql`delete from events`,
      // One statement that turned every reveal into a sign-in, the row count unchanged.
      ...(pg ? [] : [
        sql`insert or replace into events (${columns}) select ${forged} from events where action = 'reveal'`,
        sql`replace into events (${columns}) select ${forged} from events`,
        sql`update or replace events set action = 'forged'`,
      ]),
      sql`insert into events (${columns}) select ${forged} from events where true on conflict (id) do update set action = 'forged'`,
      sql`insert into events (${columns}) values (${first!.id}, 'now', null, 'x', 'place', 'x1', 'sign_in', null, null, null, 'x1')
          on conflict (id) do update set action = excluded.action`,
      ...(pg ? [sql`truncate events`] : []),
    ];
    // The app's own role (on PostgreSQL it lacks the privilege as well), and the owner that migrates: the triggers hold for both.
    for (const statement of statements) {
      await expect(statement.execute(t.ctx.handle.db), statement.compile(t.ctx.handle.db).sql).rejects.toThrow(/append-only|permission denied/);
      await expect(statement.execute(t.owner), statement.compile(t.owner).sql).rejects.toThrow(/append-only/);
    }
    expect(await t.ctx.handle.db.selectFrom('events').selectAll().orderBy('id').execute()).toEqual(before);
    expect(before[0]).toMatchObject({ action: 'create', entity_id: 'x1', to_state: '{"name":"a"}', actor_name: 'system' });
  });

  it('still appends', async () => {
    await appendEvent(t.ctx.handle.db, SYSTEM_ACTOR, { entityType: 'place', entityId: 'x2', placeId: 'x2', action: 'create' });
    expect(await t.ctx.handle.db.selectFrom('events').select('entity_id').orderBy('id').execute()).toEqual([{ entity_id: 'x1' }, { entity_id: 'r1' }, { entity_id: 'x2' }]);
  });

  it.skipIf(!process.env.DATABASE_URL)('connects the app as a role that cannot disable, drop or bypass the triggers, nor truncate', async () => {
    const db = t.ctx.handle.db;
    const { rows: [me] } = await sql<{ user: string; superuser: boolean }>`select current_user as user, rolsuper as superuser from pg_roles where rolname = current_user`.execute(db);
    expect(me!.superuser).toBe(false);
    const before = await db.selectFrom('events').selectAll().orderBy('id').execute();
    const attempts = [
      sql`alter table events disable trigger all`,
      sql`alter table events disable trigger events_no_update`,
      sql`drop trigger events_no_update on events`,
      sql`drop trigger events_no_truncate on events`,
      sql`create or replace function onegrid_events_append_only() returns trigger language plpgsql as $$ begin return new; end $$`,
      sql`alter table events owner to current_user`,
      sql`set session_replication_role = replica`,
      sql`truncate events`,
      sql`update events set action = 'forged'`,
      sql`delete from events`,
      sql`drop table events`,
      ...['extension_requests', 'work_order_units', 'attachments', 'notifications'].flatMap((table) => [
        sql`alter table ${sql.table(table)} disable trigger all`,
        sql`drop trigger ${sql.id(`${table}_history`)} on ${sql.table(table)}`,
        sql`truncate ${sql.table(table)}`,
        sql`delete from ${sql.table(table)}`,
      ]),
      sql`create or replace function onegrid_history_refused() returns trigger language plpgsql as $$ begin return new; end $$`,
    ];
    for (const attempt of attempts) {
      await expect(attempt.execute(db), attempt.compile(db).sql).rejects.toThrow(/must be owner|permission denied|append-only|history/);
    }
    expect(await db.selectFrom('events').selectAll().orderBy('id').execute()).toEqual(before);
    // The triggers are all still there, enabled.
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_trigger where tgrelid = 'events'::regclass and not tgisinternal and tgenabled = 'O'`.execute(db);
    expect(rows[0]!.n).toBe(2);
  });
});
