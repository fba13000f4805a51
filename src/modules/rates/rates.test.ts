import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvents, SYSTEM_ACTOR, type NewEvent } from '../../core/events.js';
import { newId } from '../../core/ids.js';
import { createTestApp, placeByName, type Client, type TestApp } from '../../test/harness.js';
import type { WorkOrderRow } from '../work-orders/index.js';
import type { Rating, WorkOrderState } from '../../../contracts/work-orders.js';

/** One order with known times (Beijing time, +08:00) and its events. */
interface Spec { office: string; received: string; accepted?: string; closed?: string; due: string; resolved?: string; rating?: Rating; rated?: string; state: WorkOrderState }

describe('the three rates and the monthly ranking', () => {
  let t: TestApp;
  let admin: Client;
  let street: Client;
  const ids: Record<string, string> = {};
  const bj = (s: string) => new Date(`${s}+08:00`).toISOString();

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.as('admin');
    street = await t.as('xinan');
    const db = t.ctx.handle.db;
    const [a, b, c] = (await Promise.all(['北江社区', '沙头社区', '文锋东社区'].map((n) => placeByName(t, n)))) as [Awaited<ReturnType<typeof placeByName>>, Awaited<ReturnType<typeof placeByName>>, Awaited<ReturnType<typeof placeByName>>];
    const category = await db.selectFrom('categories').select('id').executeTakeFirstOrThrow();
    const specs: Record<string, Spec> = {
      a1: { office: a.id, received: '2026-10-10T09:00', accepted: '2026-10-10T10:00', due: '2026-10-20T09:00', resolved: '2026-10-15T09:00', rating: 'satisfied', rated: '2026-10-16T09:00', state: 'closed' },
      a2: { office: a.id, received: '2026-10-10T09:00', accepted: '2026-10-10T11:00', due: '2026-10-20T09:00', resolved: '2026-10-18T09:00', rating: 'basically_satisfied', rated: '2026-10-19T09:00', state: 'closed' },
      a3: { office: a.id, received: '2026-10-10T09:00', accepted: '2026-10-12T09:00', due: '2026-10-20T09:00', resolved: '2026-10-25T09:00', rating: 'not_satisfied', rated: '2026-10-26T09:00', state: 'closed' },
      a4: { office: a.id, received: '2026-10-10T09:00', accepted: '2026-10-10T09:30', due: '2026-10-20T09:00', state: 'taken' },
      a5: { office: a.id, received: '2026-10-11T09:00', closed: '2026-10-11T10:00', due: '2026-10-21T09:00', state: 'rejected' },
      b1: { office: b.id, received: '2026-10-12T09:00', accepted: '2026-10-12T10:00', due: '2026-10-22T09:00', resolved: '2026-10-14T09:00', rating: 'satisfied', rated: '2026-10-15T09:00', state: 'closed' },
      b2: { office: b.id, received: '2026-10-12T09:00', accepted: '2026-10-12T10:00', due: '2026-10-22T09:00', resolved: '2026-10-14T09:00', rating: 'satisfied', rated: '2026-10-15T09:00', state: 'closed' },
      b3: { office: b.id, received: '2026-10-01T00:30', accepted: '2026-10-01T08:00', due: '2026-11-03T09:00', state: 'taken' },
      b0: { office: b.id, received: '2026-09-30T23:30', accepted: '2026-09-30T23:50', due: '2026-11-05T09:00', state: 'taken' },
      c1: { office: c.id, received: '2026-10-13T09:00', accepted: '2026-10-13T10:00', due: '2026-10-23T09:00', resolved: '2026-10-20T09:00', state: 'resolved' },
      c2: { office: c.id, received: '2026-10-13T09:00', due: '2026-10-23T09:00', state: 'merged' },
    };
    const rows: WorkOrderRow[] = [];
    const events: NewEvent[] = [];
    for (const [key, s] of Object.entries(specs)) {
      const id = newId();
      ids[key] = id;
      const office = [a, b, c].find((p) => p.id === s.office)!;
      rows.push({
        id, tracking_no: `T-${key}`, external_no: null, channel: 'walk_in', demand_type: 'help', category_id: category.id, place_id: office.id, place_path: office.path,
        office_id: office.id, title: key, description: key, address_enc: null, address_masked: null, lat: null, lng: null, reporter_name: '某居民', reporter_name_enc: null, confidential: 0, urgency: 0,
        reporter_phone_enc: null, reporter_phone_masked: '138****0000', reporter_phone_index: null, state: s.state, assignee_kind: null, assignee_id: null,
        dispatcher_id: null, filed_by: null, reopen_count: 0, supervised: 0, escalation: 0, merged_into: null, received_at: bj(s.received),
        accept_due: new Date(new Date(bj(s.received)).getTime() + 24 * 3600_000).toISOString(), contact_due: null, resolve_due: bj(s.due),
        accepted_at: s.accepted ? bj(s.accepted) : null, first_contact_at: null, resolved_at: s.resolved ? bj(s.resolved) : null,
        closed_at: s.rated ? bj(s.rated) : s.closed ? bj(s.closed) : null, result: null, rating: s.rating ?? null, rating_comment: null, version: 1,
        created_at: bj(s.received), updated_at: bj(s.received),
      });
      if (s.rating) events.push({ entityType: 'work_order', entityId: id, placeId: office.id, action: 'rate', at: bj(s.rated!), from: { state: 'resolved' }, to: { state: 'closed', rating: s.rating } });
    }
    // a3 was rated "satisfied" once before (then reopened): only the last rating in the month counts.
    events.unshift({ entityType: 'work_order', entityId: ids.a3!, placeId: a.id, action: 'rate', at: bj('2026-10-21T09:00'), from: { state: 'resolved' }, to: { state: 'dispatched', rating: 'satisfied' } });
    await db.insertInto('work_orders').values(rows).execute();
    await appendEvents(db, SYSTEM_ACTOR, events);
  });
  afterAll(() => t.close());

  it('computes each community’s rates, score and rank exactly', async () => {
    const res = await admin({ url: '/api/rates?month=2026-10&level=community&parentId=440607001' });
    expect(res.statusCode, res.body).toBe(200);
    const byName = Object.fromEntries(res.json().items.map((r: { name: string }) => [r.name, r]));
    expect(byName['北江社区']).toMatchObject({ received: 5, responded: 4, responseRate: 0.8, due: 4, resolved: 2, resolutionRate: 0.5, rated: 3, satisfied: 1, basicallySatisfied: 1, satisfactionRate: 0.6, score: 57.5, rank: 3 });
    expect(byName['沙头社区']).toMatchObject({ received: 3, responded: 3, due: 2, resolved: 2, rated: 2, satisfactionRate: 1, score: 100, rank: 1 });
    expect(byName['文锋东社区']).toMatchObject({ received: 1, responded: 1, due: 1, resolved: 1, rated: 0, satisfactionRate: null, score: 100, rank: 1 });
    expect(byName['云秀社区']).toMatchObject({ received: 0, score: null, rank: null });
    expect(res.json().items.slice(0, 3).map((r: { name: string }) => r.name)).toEqual(['沙头社区', '文锋东社区', '北江社区']);
  });

  it('rolls communities up into streets', async () => {
    const streets = (await admin({ url: '/api/rates?month=2026-10&level=street' })).json().items;
    const xinan = streets.find((s: { name: string }) => s.name === '西南街道');
    expect(xinan).toMatchObject({ received: 9, responded: 8, due: 7, resolved: 5, rated: 5, satisfied: 3, basicallySatisfied: 1, rank: 1 });
    expect(xinan.satisfactionRate).toBeCloseTo(0.76, 4);
    expect(streets.filter((s: { score: number | null }) => s.score === null)).toHaveLength(6);
  });

  it('links every figure to its orders', async () => {
    const a = await placeByName(t, '北江社区');
    const orders = async (figure: string) => (await street({ url: `/api/rates/orders?month=2026-10&level=community&officeId=${a.id}&figure=${figure}` })).json().items.map((o: { title: string }) => o.title).sort();
    expect(await orders('received')).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
    expect(await orders('responded')).toEqual(['a1', 'a2', 'a4', 'a5']);
    expect(await orders('resolved')).toEqual(['a1', 'a2']);
    expect(await orders('notSatisfied')).toEqual(['a3']);
  });

  it('exports the ranking and publishes it without personal data', async () => {
    const xlsx = await admin({ url: '/api/rates.xlsx?month=2026-10&level=community' });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const pub = await t.app.inject({ url: '/api/public/ranking?month=2026-10&level=community' });
    expect(pub.statusCode).toBe(200);
    expect(pub.json().items[0]).toEqual({ officeId: '440607001015', name: '沙头社区', street: { id: '440607001', name: '西南街道' }, ranked: true, received: 3, responseRate: 1, resolutionRate: 1, satisfactionRate: 1, score: 100, rank: 1 });
    expect(pub.body).not.toContain('138');
    expect((await t.app.inject({ url: '/api/public/ranking?month=2026-13' })).statusCode).toBe(400);
  });

  it('keeps the ranking inside the caller’s area', async () => {
    const community = await t.as('beijiang');
    const mine = (await community({ url: '/api/rates?month=2026-10&level=community' })).json().items;
    expect(mine.map((r: { name: string }) => r.name)).toEqual(['北江社区']);
    expect((await community({ url: '/api/rates?month=2026-10&level=community&parentId=440607001' })).statusCode).toBe(404);
    const grid = await t.as('grid1');
    expect((await grid({ url: '/api/rates?month=2026-10' })).statusCode).toBe(403);
  });
});
