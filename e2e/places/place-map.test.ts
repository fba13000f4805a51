import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstDescendant, getJson, postJson, type Me, type PlaceRef } from '../support/api.js';
import { baseUrl, launchBrowser, screenshot, signedInContext } from '../support/browser.js';
import { stepVia } from '../support/work-orders.js';

interface MapFeature { id: string; properties: { name: string; open: number; overdue: number } }
const RED = ['#c8161d', 'rgb(200,22,29)'];

describe('a community’s map', () => {
  let browser: Browser;
  let street: BrowserContext;
  let community: PlaceRef;
  let grid: PlaceRef;

  beforeAll(async () => {
    browser = await launchBrowser();
    street = await signedInContext(browser, 'xinan');
    // An order filed on grid1's compound from the hotline's history: received 30 days ago, its deadline long past.
    const grid1 = await signedInContext(browser, 'grid1');
    const gridMe = await getJson<Me>(grid1.request, '/api/me');
    const trail = await firstDescendant(grid1.request, gridMe.roles[0]!.placeId, 'compound');
    await grid1.close();
    grid = (await getJson<{ place: PlaceRef }>(street.request, `/api/places/${gridMe.roles[0]!.placeId}`)).place;
    community = (await getJson<{ place: PlaceRef }>(street.request, `/api/places/${grid.parentId}`)).place;
    const { items: categories } = await getJson<{ items: { id: string; active: boolean }[] }>(street.request, '/api/categories');
    const order = await postJson<{ id: string }>(street.request, '/api/work-orders', {
      channel: 'hotline_12345', externalNo: `E2E-MAP-${Date.now()}`, demandType: 'complaint', categoryId: categories.find((c) => c.active)!.id,
      placeId: trail[trail.length - 1]!.id, title: '路灯长期不亮', description: '小区门口路灯坏了一个月。',
      reporterPhone: '13700001111', receivedAt: new Date(Date.now() - 30 * 86400_000).toISOString(),
    });
    await stepVia(street.request, order.id, 'accept');
  });
  afterAll(async () => browser?.close());

  it('colours the grid with an overdue order red, beside its legend, drawn with no tile service', async () => {
    const map = await getJson<{ map: { features: MapFeature[] } }>(street.request, `/api/places/${community.id}/map`);
    const overdue = map.map.features.filter((f) => f.properties.overdue > 0);
    expect(overdue.map((f) => f.id)).toContain(grid.id);
    const page = await street.newPage();
    // Offices may run offline: nothing the page loads comes from anywhere but the app.
    const origin = new URL(baseUrl()).origin;
    const outside: string[] = [];
    page.on('request', (r) => { if (!/^(data|blob):/.test(r.url()) && !r.url().startsWith(origin)) outside.push(r.url()); });
    await page.goto(`/places/${community.id}`);
    const card = page.getByTestId('place-map');
    await card.waitFor();
    const red = card.locator(RED.map((c) => `svg path[fill="${c}"]`).join(', '));
    await expect.poll(() => red.count()).toBeGreaterThanOrEqual(overdue.length);
    expect(await page.getByTestId('place-map-legend').textContent()).toContain('有超期工单');
    await red.first().waitFor();
    expect(outside).toEqual([]);
    await screenshot(page, 'place-map');
  });
});
