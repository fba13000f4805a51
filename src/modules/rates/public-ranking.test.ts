import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvents, SYSTEM_ACTOR } from '../../core/events.js';
import { createTestApp, placeByName, type TestApp } from '../../test/harness.js';
import type { WorkOrderState } from '../../../contracts/work-orders.js';
import { bj, orderRow } from './test-support.js';

interface PublicRow { officeId: string; name: string; street: { id: string; name: string } | null; ranked: boolean; rank: number | null; score: number | null; received: number; responseRate: number | null; resolutionRate: number | null; satisfactionRate: number | null }

describe('the public ranking (晾晒) and offices with nothing to count', () => {
  let t: TestApp;
  const publicRanking = async (month: string, level = 'community') => {
    const res = await t.app.inject({ url: `/api/public/ranking?month=${month}&level=${level}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as PublicRow[];
  };

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.ctx.handle.db;
    const category = await db.selectFrom('categories').select('id').executeTakeFirstOrThrow();
    const order = (office: { id: string; path: string }, received: string, due: string, state: WorkOrderState, done: { accepted?: string; resolved?: string; rating?: 'satisfied' } = {}) =>
      orderRow(category.id, office, { received, due, state, ...done });
    const [beijiang, shatou, wenfeng] = await Promise.all(['北江社区', '沙头社区', '文锋东社区'].map((n) => placeByName(t, n)));
    const rows = [
      order(beijiang!, '2026-10-10T09:00', '2026-10-20T09:00', 'closed', { accepted: '2026-10-10T10:00', resolved: '2026-10-12T09:00', rating: 'satisfied' }),
      order(shatou!, '2026-10-12T09:00', '2026-10-22T09:00', 'taken', { accepted: '2026-10-12T10:00' }),
      // Received in September, due in October and not resolved: nothing received this month, but something to count.
      order(wenfeng!, '2026-09-28T09:00', '2026-10-09T09:00', 'taken', { accepted: '2026-09-28T10:00' }),
    ];
    await db.insertInto('work_orders').values(rows).execute();
    await appendEvents(db, SYSTEM_ACTOR, [{ entityType: 'work_order', entityId: rows[0]!.id, placeId: beijiang!.id, action: 'rate', at: bj('2026-10-13T09:00'), from: { state: 'resolved' }, to: { state: 'closed', rating: 'satisfied' } }]);
  });
  afterAll(() => t.close());

  it('ranks the offices with orders to count, then lists every other office once, unranked, with no figures', async () => {
    const items = await publicRanking('2026-10');
    const communities = await t.ctx.handle.db.selectFrom('places').select('id').where('level', '=', 'community').execute();
    expect(items.map((r) => r.officeId).sort()).toEqual(communities.map((c) => c.id).sort());

    const ranked = items.filter((r) => r.ranked);
    expect(ranked.map((r) => [r.name, r.rank])).toEqual([['北江社区', 1], ['沙头社区', 2], ['文锋东社区', 3]]);
    expect(ranked.find((r) => r.name === '文锋东社区')).toMatchObject({ received: 0, resolutionRate: 0, score: 0 });
    expect(items.slice(0, 3)).toEqual(ranked);
    for (const r of items.slice(3)) {
      expect(r).toEqual({ officeId: r.officeId, name: r.name, street: r.street, ranked: false, rank: null, score: null, received: 0, responseRate: null, resolutionRate: null, satisfactionRate: null });
    }
  });

  it('leaves a street with no orders unranked after the ranked one, and a month with none at all unranked throughout', async () => {
    const streets = await publicRanking('2026-10', 'street');
    expect(streets[0]).toMatchObject({ name: '西南街道', ranked: true, rank: 1, received: 2 });
    expect(streets.slice(1).length).toBeGreaterThan(0);
    expect(streets.slice(1).every((s) => !s.ranked && s.rank === null && s.score === null)).toBe(true);

    // A month before any order of the tests or the demo seed (whose orders are recent).
    const empty = await publicRanking('2026-08');
    expect(empty.length).toBeGreaterThan(0);
    expect(empty.filter((r) => r.ranked || r.rank !== null || r.score !== null)).toEqual([]);
  });
});
