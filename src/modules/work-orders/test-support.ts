import type { Client, TestApp } from '../../test/harness.js';
import { placeByName } from '../../test/harness.js';

/** Where filing draws tracking numbers from: a test makes it hand out taken ones. */
export { trackingNumbers } from './commands/file-demand.js';

/** A compound in 北江社区第1网格 and a category: what the work-order tests file demands on. */
export async function demandTarget(t: TestApp) {
  const db = t.ctx.handle.db;
  const grid = await placeByName(t, '北江社区第1网格');
  const compound = await db.selectFrom('places').selectAll().where('parent_id', '=', grid.id).orderBy('sort_order').executeTakeFirstOrThrow();
  const category = await db.selectFrom('categories').selectAll().where('code', '=', 'street-light').executeTakeFirstOrThrow();
  return { grid, compound, category };
}

export async function fileOne(client: Client, t: TestApp, extra: Record<string, unknown> = {}) {
  const { compound, category } = await demandTarget(t);
  const res = await client({ method: 'POST', url: '/api/work-orders', payload: {
    channel: 'grid_patrol', demandType: 'help', categoryId: category.id, placeId: compound.id, title: '路灯不亮', description: '3栋门口路灯坏了一周',
    reporterName: '李杏珊', reporterPhone: '13800138000', ...extra,
  } });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json();
}

/** Posts a step with the order's current version and returns the response. */
export async function step(client: Client, id: string, action: string, body: Record<string, unknown> = {}) {
  const current = await client({ url: `/api/work-orders/${id}` });
  const version = current.statusCode === 200 ? current.json().order.version : 1;
  return client({ method: 'POST', url: `/api/work-orders/${id}/${action}`, payload: { version, ...body } });
}

/** The demo's order-history generator, for tests that want history in bulk as the demo seed writes it. */
export { seedOrderHistory } from './seed.js';

/** The overdue scan, for tests that run it at a time of their choosing. */
export { scanOverdue } from './commands/scan-overdue.js';
