import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '../support/api.js';
import { launchBrowser, screenshot, signedInContext } from '../support/browser.js';
import { compoundOf, filePatrolReport } from '../support/work-orders.js';

// A work order shows where it is on a small map: its own pin, or else its compound's point, over its grid's boundary.
describe('a work order’s small map', () => {
  let browser: Browser;
  let grid: BrowserContext;
  let compound: { id: string; name: string };
  let at: [number, number];

  beforeAll(async () => {
    browser = await launchBrowser();
    grid = await signedInContext(browser, 'grid1');
    compound = await compoundOf(grid.request);
    at = (await getJson<{ geometry: { coordinates: [number, number] } }>(grid.request, `/api/places/${compound.id}/geometry`)).geometry.coordinates;
  });
  afterAll(async () => browser?.close());

  async function shows(orderId: string) {
    const page = await grid.newPage();
    await page.goto(`/work-orders/${orderId}`);
    const card = page.getByTestId('order-map');
    await card.waitFor();
    // The grid's boundary and the pin, drawn as SVG.
    await expect.poll(() => card.locator('svg path').count()).toBeGreaterThanOrEqual(2);
    return { page, source: await card.getByTestId('order-map-source').textContent() };
  }

  it('shows the order’s own point when the reporter gave one', async () => {
    const order = await filePatrolReport(grid.request, '井盖松动', { lat: at[1] + 0.0001, lng: at[0] });
    const detail = await getJson<{ order: { lat: number; lng: number } }>(grid.request, `/api/work-orders/${order.id}`);
    expect(detail.order).toMatchObject({ lat: at[1] + 0.0001, lng: at[0] });
    const { page, source } = await shows(order.id);
    expect(source).toContain('反映人标注的位置');
    await screenshot(page, 'order-map');
  });

  it('shows its compound’s point when it has none', async () => {
    const order = await filePatrolReport(grid.request, '楼道堆放杂物');
    const { source } = await shows(order.id);
    expect(source).toContain(`${compound.name}的位置`);
  });
});
