import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, type Me, type PlaceRef } from '../support/api.js';
import { baseUrl, launchBrowser, screenshot, signedInContext } from '../support/browser.js';
import { compoundOf, fileOverdueOrder } from '../support/work-orders.js';

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
    // An overdue order on grid1's compound.
    const grid1 = await signedInContext(browser, 'grid1');
    const gridMe = await getJson<Me>(grid1.request, '/api/me');
    const compound = await compoundOf(grid1.request);
    await grid1.close();
    grid = (await getJson<{ place: PlaceRef }>(street.request, `/api/places/${gridMe.roles[0]!.placeId}`)).place;
    community = (await getJson<{ place: PlaceRef }>(street.request, `/api/places/${grid.parentId}`)).place;
    await fileOverdueOrder(street.request, compound.id, '路灯长期不亮');
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
