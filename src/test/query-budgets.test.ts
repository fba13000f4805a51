import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from './harness.js';
import { fileOne, step } from '../modules/work-orders/test-support.js';

/**
 * SQL statements per request (Kysely's log hook, reported by the test app as `x-sql-statements`), whatever the page
 * size: a list is never one query per row. The session is resolved once before (the actor cache), as on any request
 * after the first.
 */
describe('query budgets', () => {
  let t: TestApp;
  let community: Client;
  let grid1: Client;
  let grid1Id = '';
  beforeAll(async () => {
    t = await createTestApp();
    [community, grid1] = [await t.as('beijiang'), await t.as('grid1')];
    grid1Id = (await t.ctx.handle.db.selectFrom('users').select('id').where('username', '=', 'grid1').executeTakeFirstOrThrow()).id;
    for (let i = 0; i < 12; i++) await fileOne(grid1, t);
  });
  afterAll(() => t.close());

  const statements = async (client: Client, opts: Parameters<Client>[0]) => {
    await client({ url: '/api/me' });
    const res = await client(opts);
    expect(res.statusCode, res.body).toBeLessThan(300);
    return Number(res.headers['x-sql-statements']);
  };

  it('opens a work order in at most 4 statements', async () => {
    const order = await fileOne(grid1, t);
    await step(community, order.id, 'accept');
    expect(await statements(community, { url: `/api/work-orders/${order.id}` })).toBeLessThanOrEqual(4);
  });

  it('takes a step in at most 6 statements', async () => {
    const order = await fileOne(grid1, t);
    await step(community, order.id, 'accept');
    await step(community, order.id, 'dispatch', { assignee: { kind: 'user', id: grid1Id } });
    const version = (await grid1({ url: `/api/work-orders/${order.id}` })).json().order.version;
    expect(await statements(grid1, { method: 'POST', url: `/api/work-orders/${order.id}/take`, payload: { version } })).toBeLessThanOrEqual(6);
  });

  it('draws a six-month rates trend in as many statements as one month, and the same figures as each month’s ranking', async () => {
    const office = (await t.ctx.handle.db.selectFrom('places').select('id').where('name', '=', '北江社区').executeTakeFirstOrThrow()).id;
    const thisMonth = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    const url = (months: number) => `/api/rates/trend?level=community&officeId=${office}&until=${thisMonth}&months=${months}`;
    expect(await statements(community, { url: url(6) })).toBe(await statements(community, { url: url(1) }));
    const trend = (await community({ url: url(6) })).json().items as { month: string; received: number; rank: number | null }[];
    expect(trend).toHaveLength(6);
    expect(trend.at(-1)).toMatchObject({ month: thisMonth, received: expect.any(Number) });
    expect(trend.at(-1)!.received).toBeGreaterThan(0);
    for (const point of trend) {
      const row = (await community({ url: `/api/rates?month=${point.month}&level=community` })).json().items.find((r: { officeId: string }) => r.officeId === office);
      expect(point).toMatchObject({ received: row.received, rank: row.rank });
    }
  });

  // Four counts of the work-order list (waiting by step, overdue, due soon, today by channel), the month's ranking and
  // the buildings lacking a head.
  it('opens the workbench in at most 11 statements, whatever the caller has waiting', async () => {
    expect(await statements(community, { url: '/api/workbench' })).toBeLessThanOrEqual(11);
    expect(await statements(grid1, { url: '/api/workbench' })).toBeLessThanOrEqual(11);
  });

  it.each([
    ['work orders', '/api/work-orders?limit=5', '/api/work-orders?limit=50'],
    ['the inbox', '/api/work-orders?mine=true&limit=5', '/api/work-orders?mine=true&limit=50'],
    ['accounts', '/api/users?limit=2', '/api/users?limit=50'],
    ['the dispatch picker', '/api/users?role=grid_worker&role=community_worker&disabled=false&limit=2', '/api/users?role=grid_worker&role=community_worker&disabled=false&limit=50'],
    ['residents', '/api/residents?limit=5', '/api/residents?limit=50'],
    ['notifications', '/api/notifications', '/api/notifications'],
    ['the audit log', '/api/audit?limit=5', '/api/audit?limit=50'],
  ])('lists %s in at most 4 statements, whatever the page size', async (_name, small, large) => {
    const [a, b] = [await statements(community, { url: small }), await statements(community, { url: large })];
    expect(b).toBeLessThanOrEqual(4);
    expect(b).toBe(a);
  });
});
