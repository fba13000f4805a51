import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { grantAppRole } from '../../migrations/privileges.js';
import * as m004 from '../../migrations/004-work-order-ratings.js';
import { createRandom } from '../../seed/random.js';
import { createTestApp, placeByName, type Client, type TestApp } from '../../test/harness.js';
import { loadCalendar } from '../work-calendar/index.js';
import { derivedRatings, rebuildRatings } from './ratings.js';
import { fileOne, seedOrderHistory, step } from '../work-orders/test-support.js';

/**
 * The ratings read model, driven through the API over two months (Beijing time): a rating, a "not satisfied" that
 * reopens, a re-rating that replaces the month's row, a second "not satisfied" that takes the order from its assignee,
 * and a rating in the first hours of a month that is still the previous month in UTC.
 */
describe('the ratings read model', () => {
  let t: TestApp;
  let grid1Id: string;
  let unitId: string;
  let beijiangId: string;
  const ids: Record<string, string> = {};
  const bj = (s: string) => new Date(`${s}+08:00`);
  /** Moves the clock and signs in again (sessions are checked against the clock). */
  const at = async (s: string) => {
    vi.setSystemTime(bj(s));
    const [grid1, community, unit, admin] = await Promise.all([t.as('grid1'), t.as('beijiang'), t.as('chengguan'), t.as('admin')]);
    return { grid1, community, unit, admin };
  };
  const ok = async (res: Promise<{ statusCode: number; body: string }>) => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(200);
  };
  const handle = async (c: Client, id: string, result = '已处理') => {
    await ok(step(c, id, 'take'));
    await ok(step(c, id, 'resolve', { result }));
  };
  const rate = (c: Client, id: string, rating: string) => ok(step(c, id, 'rate', { rating }));

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.ctx.handle.db;
    grid1Id = (await db.selectFrom('users').select('id').where('username', '=', 'grid1').executeTakeFirstOrThrow()).id;
    unitId = (await db.selectFrom('units').select('id').where('name', '=', '城管执法中队').executeTakeFirstOrThrow()).id;
    beijiangId = (await placeByName(t, '北江社区')).id;
    // Some history before "now", as the demo seed writes it (one rating per order, in bulk).
    const compounds = await db.selectFrom('places').selectAll().where('level', '=', 'compound').limit(4).execute();
    const categories = await db.selectFrom('categories').selectAll().execute();
    const units = await db.selectFrom('units').selectAll().where('kind', '=', 'department').execute();
    await seedOrderHistory(t.ctx, createRandom(7), { compounds, categories, units, perCompoundMonth: [2, 4], months: 3, calendar: await loadCalendar(db) });
    vi.useFakeTimers({ toFake: ['Date'] });

    let c = await at('2031-03-10T10:00');
    for (const key of ['A', 'B', 'C', 'D']) {
      ids[key] = (await fileOne(c.grid1, t, { title: key })).id;
      await ok(step(c.community, ids[key]!, 'accept'));
      await ok(step(c.community, ids[key]!, 'dispatch', { assignee: key === 'C' ? { kind: 'user', id: grid1Id } : { kind: 'unit', id: unitId } }));
    }
    c = await at('2031-03-12T10:00');
    await handle(c.unit, ids.A!);
    await handle(c.unit, ids.B!);
    await handle(c.grid1, ids.C!);
    c = await at('2031-03-20T10:00');
    await rate(c.community, ids.A!, 'not_satisfied');
    await rate(c.community, ids.C!, 'not_satisfied');
    c = await at('2031-03-22T10:00');
    await handle(c.unit, ids.A!);
    await handle(c.grid1, ids.C!);
    c = await at('2031-03-25T10:00');
    await rate(c.community, ids.A!, 'satisfied');
    // The second "not satisfied": to the street, the order loses its assignee; the rating still counts for grid1.
    await rate(c.community, ids.C!, 'not_satisfied');
    c = await at('2031-03-31T20:00');
    await rate(c.community, ids.B!, 'not_satisfied');
    // 07:00 on 1 April in Beijing is still 31 March in UTC.
    c = await at('2031-04-01T07:00');
    await handle(c.unit, ids.B!);
    await rate(c.community, ids.B!, 'basically_satisfied');
    c = await at('2031-04-10T10:00');
    await ok(step(c.community, ids.C!, 'dispatch', { assignee: { kind: 'unit', id: unitId } }));
    await handle(c.unit, ids.C!);
    await rate(c.community, ids.C!, 'satisfied');
    await handle(c.unit, ids.D!);
    await rate(c.community, ids.D!, 'satisfied');
  });
  afterAll(async () => {
    vi.useRealTimers();
    await t.close();
  });

  const table = () => t.ctx.handle.db.selectFrom('work_order_ratings').selectAll().orderBy('month').orderBy('order_id').execute()
    .then((rows) => rows.map((r) => ({ ...r, event_id: Number(r.event_id) })));

  it('holds one row per month and order, exactly what the event log derives', async () => {
    const rows = await table();
    expect(rows).toEqual(await derivedRatings(t.ctx.handle.db));
    // The seeded history came in through appendEvents too.
    expect(rows.filter((r) => !r.month.startsWith('2031')).length).toBeGreaterThan(5);

    const mine = rows.filter((r) => r.month.startsWith('2031')).map(({ month, order_id, rating, office_id, assignee_kind, assignee_id }) => ({ month, order_id, rating, office_id, assignee_kind, assignee_id }));
    const unit = { office_id: beijiangId, assignee_kind: 'unit', assignee_id: unitId };
    expect(mine).toEqual([
      { month: '2031-03', order_id: ids.A, rating: 'satisfied', ...unit },
      { month: '2031-03', order_id: ids.B, rating: 'not_satisfied', ...unit },
      { month: '2031-03', order_id: ids.C, rating: 'not_satisfied', office_id: beijiangId, assignee_kind: 'user', assignee_id: grid1Id },
      { month: '2031-04', order_id: ids.B, rating: 'basically_satisfied', ...unit },
      { month: '2031-04', order_id: ids.C, rating: 'satisfied', ...unit },
      { month: '2031-04', order_id: ids.D, rating: 'satisfied', ...unit },
    ].sort((a, b) => a.month.localeCompare(b.month) || a.order_id!.localeCompare(b.order_id!)));

    // Each row points at the order's last `rate` event of the month.
    const events = await t.ctx.handle.db.selectFrom('events').select(['id', 'entity_id', 'at']).where('entity_type', '=', 'work_order').where('action', '=', 'rate')
      .where('entity_id', 'in', Object.values(ids)).orderBy('id').execute();
    expect(events).toHaveLength(8);
    const lastA = events.filter((e) => e.entity_id === ids.A).at(-1)!;
    expect(rows.find((r) => r.order_id === ids.A && r.month === '2031-03')).toMatchObject({ event_id: Number(lastA.id), rated_at: lastA.at });
    expect(rows.find((r) => r.order_id === ids.B && r.month === '2031-04')!.rated_at).toBe('2031-03-31T23:00:00.000Z');
  });

  it('rebuilds a month, or everything, from the log alone', async () => {
    const before = await table();
    await t.ctx.handle.db.deleteFrom('work_order_ratings').where('month', '=', '2031-03').execute();
    await t.ctx.handle.db.updateTable('work_order_ratings').set({ rating: 'not_satisfied', assignee_id: null }).where('month', '=', '2031-04').execute();
    expect(await rebuildRatings(t.ctx.handle.db, '2031-03')).toBe(3);
    expect(await rebuildRatings(t.ctx.handle.db, '2031-07')).toBe(0);
    expect((await table()).filter((r) => r.month === '2031-03')).toEqual(before.filter((r) => r.month === '2031-03'));
    expect(await rebuildRatings(t.ctx.handle.db)).toBe(before.length);
    expect(await table()).toEqual(before);
  });

  it('is backfilled by its migration from the events already logged', async () => {
    const before = await table();
    // As at a start: the owner migrates, then grants the app role its privileges on the table made again.
    await m004.down(t.owner);
    await m004.up(t.owner);
    if (t.ctx.handle.dialect === 'postgres') await grantAppRole(t.owner, t.ctx.handle.db);
    expect(await table()).toEqual(before);
  });

  it('counts the figures of each month from it, and links each figure to exactly its orders', async () => {
    const { admin } = await at('2031-04-15T10:00');
    const figures = async (month: string, level: string, id: string) => {
      const res = await admin({ url: `/api/rates?month=${month}&level=${level}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.find((r: { officeId: string }) => r.officeId === id);
    };
    const orders = async (month: string, level: string, id: string, figure: string) => {
      const res = await admin({ url: `/api/rates/orders?month=${month}&level=${level}&officeId=${id}&figure=${figure}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((o: { title: string }) => o.title).sort();
    };
    expect(await figures('2031-03', 'community', beijiangId)).toMatchObject({ received: 4, rated: 3, satisfied: 1, basicallySatisfied: 0, satisfactionRate: 0.3333 });
    expect(await figures('2031-04', 'community', beijiangId)).toMatchObject({ received: 0, rated: 3, satisfied: 2, basicallySatisfied: 1, satisfactionRate: 0.9333 });
    // The department counts what it was rated for: not C in March (grid1's then), C in April.
    expect(await figures('2031-03', 'department', unitId)).toMatchObject({ rated: 2, satisfied: 1, basicallySatisfied: 0, satisfactionRate: 0.5 });
    expect(await figures('2031-04', 'department', unitId)).toMatchObject({ rated: 3, satisfied: 2, basicallySatisfied: 1, satisfactionRate: 0.9333 });

    const expected: [string, string, string, string, string[]][] = [
      ['2031-03', 'community', beijiangId, 'rated', ['A', 'B', 'C']],
      ['2031-03', 'community', beijiangId, 'satisfied', ['A']],
      ['2031-03', 'community', beijiangId, 'basicallySatisfied', []],
      ['2031-03', 'community', beijiangId, 'notSatisfied', ['B', 'C']],
      ['2031-04', 'community', beijiangId, 'rated', ['B', 'C', 'D']],
      ['2031-04', 'community', beijiangId, 'satisfied', ['C', 'D']],
      ['2031-04', 'community', beijiangId, 'basicallySatisfied', ['B']],
      ['2031-04', 'community', beijiangId, 'notSatisfied', []],
      ['2031-03', 'department', unitId, 'rated', ['A', 'B']],
      ['2031-03', 'department', unitId, 'notSatisfied', ['B']],
      ['2031-04', 'department', unitId, 'rated', ['B', 'C', 'D']],
      ['2031-04', 'department', unitId, 'satisfied', ['C', 'D']],
    ];
    for (const [month, level, id, figure, titles] of expected) expect(await orders(month, level, id, figure), `${month} ${level} ${figure}`).toEqual(titles);
    // The street adds up its communities from the same rows.
    const xinan = await placeByName(t, '西南街道');
    expect(await figures('2031-03', 'street', xinan.id)).toMatchObject({ rated: 3, satisfied: 1 });
    expect(await orders('2031-03', 'street', xinan.id, 'notSatisfied')).toEqual(['B', 'C']);
  });
});
