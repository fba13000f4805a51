import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../core/ids.js';
import { createTestApp, type TestApp } from './harness.js';
import { fileOne } from '../modules/work-orders/test-support.js';

/**
 * The history tables beside the event log (README, "History tables"): no statement form rewrites or removes a row, as the
 * app's role or as the owner; each table's one documented change goes through, once.
 */
describe(`history tables on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`, () => {
  let t: TestApp;
  let pg = false;
  const ids = { order: '', unit: '', user: '', request: newId(), attachment: newId(), notification: newId() };
  const now = new Date().toISOString();

  beforeAll(async () => {
    t = await createTestApp();
    pg = t.ctx.handle.dialect === 'postgres';
    const db = t.ctx.handle.db;
    ids.order = (await fileOne(await t.as('grid1'), t)).id;
    ids.unit = (await db.selectFrom('users').select('unit_id').where('username', '=', 'chengguan').executeTakeFirstOrThrow()).unit_id!;
    ids.user = (await db.selectFrom('users').select('id').where('username', '=', 'grid1').executeTakeFirstOrThrow()).id;
    const order = await db.selectFrom('work_orders').selectAll().where('id', '=', ids.order).executeTakeFirstOrThrow();
    await db.insertInto('work_order_units').values({ work_order_id: ids.order, unit_id: ids.unit, called_at: now, reported_at: null, part: null }).execute();
    await db.insertInto('extension_requests').values({ id: ids.request, work_order_id: ids.order, days: 2, reason: '等配件', state: 'pending', requested_by: ids.user,
      decided_by: null, version: 1, created_at: now, updated_at: now }).execute();
    await db.insertInto('attachments').values({ id: ids.attachment, entity_type: 'work_order', entity_id: ids.order, stage: 'report', file: 'a/b.png', mime: 'image/png',
      size: 10, place_id: order.place_id, place_path: order.place_path, created_at: now }).execute();
    await db.insertInto('notifications').values({ id: ids.notification, user_id: ids.user, kind: 'dispatched', entity_type: 'work_order', entity_id: ids.order,
      text_zh: '新工单', text_en: 'New order', read_at: null, created_at: now }).execute();
  });
  afterAll(() => t.close());

  const rows = (db: Kysely<any>, table: string) => sql<Record<string, unknown>>`select * from ${sql.table(table)} order by 1, 2`.execute(db).then((r) => r.rows);

  /** Every form of rewriting `column` of every row (or removing the rows) is refused, and the table is unchanged. */
  async function refusesRewrites(table: string, key: string[], column: string) {
    const before = await rows(t.ctx.handle.db, table);
    expect(before.length).toBeGreaterThan(0);
    const columns = Object.keys(before[0]!);
    const list = sql.join(columns.map((c) => sql.ref(c)));
    const forged = sql.join(columns.map((c) => (c === column ? sql`'forged'` : sql.ref(c))));
    const target = sql.table(table);
    const statements = [
      sql`update ${target} set ${sql.ref(column)} = 'forged'`,
      sql`delete from ${target}`,
      ...(pg ? [sql`truncate ${target}`] : [
        sql`insert or replace into ${target} (${list}) select ${forged} from ${target}`,
        sql`replace into ${target} (${list}) select ${forged} from ${target}`,
        sql`update or replace ${target} set ${sql.ref(column)} = 'forged'`,
      ]),
      sql`insert into ${target} (${list}) select ${forged} from ${target} where true
          on conflict (${sql.join(key.map((k) => sql.ref(k)))}) do update set ${sql.ref(column)} = 'forged'`,
    ];
    for (const statement of statements) {
      const text = statement.compile(t.owner).sql;
      await expect(statement.execute(t.ctx.handle.db), text).rejects.toThrow(/history|permission denied/);
      await expect(statement.execute(t.owner), text).rejects.toThrow(/history/);
    }
    expect(await rows(t.ctx.handle.db, table)).toEqual(before);
  }

  it('extension requests: decided once, nothing else ever changes', async () => {
    const db = t.ctx.handle.db;
    await refusesRewrites('extension_requests', ['id'], 'reason');
    await expect(sql`update extension_requests set days = 30`.execute(db)).rejects.toThrow(/history/);
    await expect(sql`update extension_requests set state = 'pending', version = 2`.execute(db)).rejects.toThrow(/history/);
    await db.updateTable('extension_requests').set({ state: 'approved', decided_by: ids.user, version: 2, updated_at: now }).where('id', '=', ids.request).execute();
    await expect(sql`update extension_requests set state = 'refused'`.execute(db)).rejects.toThrow(/history/);
    await expect(sql`update extension_requests set decided_by = null`.execute(db)).rejects.toThrow(/history/);
    await refusesRewrites('extension_requests', ['id'], 'reason');
    expect(await db.selectFrom('extension_requests').select(['state', 'decided_by', 'reason']).execute()).toEqual([{ state: 'approved', decided_by: ids.user, reason: '等配件' }]);
  });

  it('called-in units: a unit reports in once, and its call never changes', async () => {
    const db = t.ctx.handle.db;
    await refusesRewrites('work_order_units', ['work_order_id', 'unit_id'], 'part');
    await expect(sql`update work_order_units set called_at = '2020-01-01'`.execute(db)).rejects.toThrow(/history/);
    await db.updateTable('work_order_units').set({ reported_at: now, part: '已派人到场' }).where('work_order_id', '=', ids.order).execute();
    await expect(sql`update work_order_units set part = 'later'`.execute(db)).rejects.toThrow(/history/);
    await expect(sql`update work_order_units set reported_at = null`.execute(db)).rejects.toThrow(/history/);
    await refusesRewrites('work_order_units', ['work_order_id', 'unit_id'], 'part');
    expect(await db.selectFrom('work_order_units').select(['reported_at', 'part']).execute()).toEqual([{ reported_at: now, part: '已派人到场' }]);
  });

  it('attachments: only the place and its path follow the record (a move), the file and its record never change', async () => {
    const db = t.ctx.handle.db;
    await refusesRewrites('attachments', ['id'], 'file');
    for (const set of [sql`entity_id = 'other'`, sql`stage = 'resolve'`, sql`mime = 'image/jpeg'`, sql`size = 11`, sql`created_at = '2020-01-01'`]) {
      await expect(sql`update attachments set ${set}`.execute(db)).rejects.toThrow(/history/);
    }
    await db.updateTable('attachments').set({ place_path: '/moved/', place_id: 'moved' }).where('id', '=', ids.attachment).execute();
    expect(await db.selectFrom('attachments').select(['place_path', 'file']).execute()).toEqual([{ place_path: '/moved/', file: 'a/b.png' }]);
  });

  it('notifications: read once, the text, addressee and time never change', async () => {
    const db = t.ctx.handle.db;
    await refusesRewrites('notifications', ['id'], 'text_en');
    await expect(sql`update notifications set user_id = ${ids.unit}, read_at = ${now} where id = ${ids.notification}`.execute(db)).rejects.toThrow(/history/);
    await db.updateTable('notifications').set({ read_at: now }).where('id', '=', ids.notification).execute();
    await expect(sql`update notifications set read_at = null where id = ${ids.notification}`.execute(db)).rejects.toThrow(/history/);
    await expect(sql`update notifications set read_at = '2099-01-01' where id = ${ids.notification}`.execute(db)).rejects.toThrow(/history/);
    await refusesRewrites('notifications', ['id'], 'text_en');
    expect(await db.selectFrom('notifications').select(['read_at', 'text_en']).where('id', '=', ids.notification).execute()).toEqual([{ read_at: now, text_en: 'New order' }]);
  });
});
