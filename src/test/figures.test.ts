import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../platform.js';
import { installedModules } from '../core/registry.js';
import { createTestApp, placeByName, type TestApp } from './harness.js';
import { fileOne } from '../modules/work-orders/test-support.js';

/** Every figure a module offers the dashboard answers for a place and a period, and counts what lies there. */
describe('dashboard figures declared in the manifests', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const figures = installedModules().flatMap((m) => m.figures ?? []);

  it('labels each figure in both languages and answers for any place', async () => {
    expect(figures.length).toBeGreaterThan(0);
    const street = await placeByName(t, '西南街道');
    for (const f of figures) {
      expect(f.label.zh.trim() && f.label.en.trim(), f.key).toBeTruthy();
      const value = await f.query(t.ctx.handle.db, street.path, { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' });
      expect(value === null || Number.isFinite(value), f.key).toBe(true);
    }
  });

  it('counts a demand filed now in its grid and street, and not in another grid', async () => {
    const received = figures.find((f) => f.key === 'work_orders.received')!;
    const period = { from: new Date(Date.now() - 3600_000).toISOString(), to: new Date(Date.now() + 3600_000).toISOString() };
    const [grid1, grid2] = [await placeByName(t, '北江社区第1网格'), await placeByName(t, '北江社区第2网格')];
    const before = [await received.query(t.ctx.handle.db, grid1.path, period), await received.query(t.ctx.handle.db, grid2.path, period)];
    await fileOne(await t.as('grid1'), t);
    expect(await received.query(t.ctx.handle.db, grid1.path, period)).toBe(before[0]! + 1);
    expect(await received.query(t.ctx.handle.db, grid2.path, period)).toBe(before[1]);
  });
});
