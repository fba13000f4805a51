import { booleanPointInPolygon } from '@turf/turf';
import type { Polygon } from 'geojson';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childrenOf, getJson } from '../support/api.js';
import { launchBrowser, newContext, saveDialog, screenshot, settled, signedInContext } from '../support/browser.js';
import { runTag } from '../support/places.js';
import { chooseOption } from '../support/work-orders.js';

// 北江社区's worker registers a service point on a compound from the 服务阵地 page, placing its point and drawing its
// outline on the small map of the compound's ground, and sees it again under 查看位置; a phone that never signed in opens
// the compound's QR page at 390 px and finds it beside the community's station; the worker closes it with a reason and
// the QR page no longer lists it.
describe('a service point registered by the community shows on its compound’s QR page', () => {
  let browser: Browser;
  let office: BrowserContext;
  let page: Page;
  let compound: { id: string; name: string };
  let compoundOutline: Polygon;
  let key = '';
  const name = `便民修伞点${runTag().slice(-4)}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    office = await signedInContext(browser, 'beijiang');
    const me = await getJson<{ roles: { placeId: string }[] }>(office.request, '/api/me');
    const grid = (await childrenOf(office.request, me.roles[0]!.placeId))[0]!;
    // The first compound of the grid with an outline (the demo's all have one; another test's new compound may not).
    for (const c of await childrenOf(office.request, grid.id)) {
      const geometry = await getJson<{ outline: Polygon | null }>(office.request, `/api/places/${c.id}/geometry`);
      if (!geometry.outline) continue;
      [compound, compoundOutline] = [c, geometry.outline];
      break;
    }
    const codes = await getJson<{ items: { label: string; level: string; key: string }[] }>(office.request, `/api/party/communities/${me.roles[0]!.placeId}/qr-codes`);
    key = codes.items.find((c) => c.level === 'compound' && c.label === compound.name)!.key;
    page = await office.newPage();
  });
  afterAll(async () => browser?.close());

  const qrSites = async (phone: Page) => {
    await phone.goto(`/q/${key}`);
    await expect.poll(() => phone.getByTestId('qr-compound').textContent()).toBe(compound.name);
    return phone.getByTestId('qr-site');
  };

  it('registers the point from the menu, with its hours and services, placed and outlined on the map, and lists it', async () => {
    await page.goto('/workbench');
    await page.getByRole('menuitem', { name: /服务阵地/ }).click();
    await page.waitForURL(/\/service-sites$/);
    await page.getByTestId('sites-table').getByText('北江社区党群服务站').waitFor();
    await page.getByTestId('site-create').click();
    const form = page.getByTestId('site-form');
    await settled(page.locator('.ant-modal').filter({ has: form }));
    await form.getByLabel('名称').fill(name);
    await form.getByTestId('site-place').click();
    await page.keyboard.type(compound.name);
    await chooseOption(page, compound.name);
    await form.getByLabel('开放时间').fill('雨天 7:00-21:00');
    await form.getByLabel('服务内容').fill('修伞、借伞,借伞免押金');
    // The map of the compound's ground: a click in its corner, outside the compound's outline, is refused under the map.
    const map = form.getByTestId('site-map');
    await map.scrollIntoViewIfNeeded();
    const box = (await map.boundingBox())!;
    await page.mouse.click(box.x + 4, box.y + 4);
    await form.getByTestId('site-map-point').waitFor();
    await page.locator('.ant-modal').filter({ has: form }).getByRole('button', { name: /保\s*存/ }).click();
    await form.getByTestId('site-where').getByText(`位置或轮廓不在“${compound.name}”的范围之内`).waitFor();
    // The point placed where the compound's own point is drawn, then an outline of four corners around it.
    const own = (await form.getByTestId('site-map-place-point').boundingBox())!;
    const [cx, cy] = [own.x + own.width / 2, own.y + own.height / 2];
    await page.mouse.click(cx, cy);
    await form.getByTestId('site-where').locator('.ant-form-item-explain-error').waitFor({ state: 'detached' });
    await form.getByTestId('site-map-mode').getByText('描绘轮廓').click();
    for (const [dx, dy] of [[-12, -12], [12, -12], [12, 12], [-12, 12]] as const) await page.mouse.click(cx + dx, cy + dy);
    await expect.poll(() => form.getByTestId('site-map-outline').getAttribute('data-corners')).toBe('4');
    await screenshot(page, 'service-sites-form-map');
    await saveDialog(page, form);
    const row = page.getByTestId('sites-table').locator('tbody tr.ant-table-row').filter({ hasText: name });
    await row.waitFor();
    expect(await row.textContent()).toContain('便民服务点');
    expect(await row.textContent()).toContain(compound.name);
    await screenshot(page, 'service-sites');
    // Stored where it was placed: inside the compound's outline, and inside its own.
    const found = await getJson<{ items: { name: string; lng: number; lat: number; outline: Polygon | null }[] }>(office.request, `/api/service-sites?q=${encodeURIComponent(name)}`);
    const site = found.items.find((s) => s.name === name)!;
    expect(booleanPointInPolygon([site.lng, site.lat], compoundOutline)).toBe(true);
    expect(site.outline!.coordinates[0]).toHaveLength(5);
    expect(booleanPointInPolygon([site.lng, site.lat], site.outline!)).toBe(true);
  });

  it('shows where the point is under 查看位置: its point and outline over the compound', async () => {
    await page.getByTestId(`site-location-${name}`).click();
    const shown = page.getByTestId('site-location');
    await shown.getByTestId('site-map-point').waitFor();
    expect(await shown.getByTestId('site-map-outline').getAttribute('data-corners')).toBe('4');
    expect(await shown.textContent()).toContain(compound.name);
    await screenshot(page, 'service-sites-location');
    await page.locator('.ant-modal').filter({ has: shown }).locator('.ant-modal-footer').getByRole('button', { name: /关\s*闭/ }).click();
    await shown.waitFor({ state: 'detached' });
  });

  it('a phone that never signed in sees it on the compound’s QR page, fitting 390 px', async () => {
    const phone = await newContext(browser, 'phone');
    const qr = await phone.newPage();
    const sites = await qrSites(qr);
    const mine = sites.filter({ hasText: name });
    await mine.waitFor();
    expect(await mine.textContent()).toContain('雨天 7:00-21:00');
    expect(await mine.textContent()).toContain('修伞、借伞');
    expect(await sites.filter({ hasText: '北江社区党群服务站' }).count()).toBe(1);
    expect(await qr.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(qr, 'service-sites-qr-phone');
    await phone.close();
  });

  it('closes it with a reason; the QR page no longer lists it and the timeline says why', async () => {
    await page.getByTestId(`site-close-${name}`).click();
    const form = page.getByTestId('site-close-form');
    await settled(page.locator('.ant-modal').filter({ has: form }));
    await form.getByLabel('停用理由').fill('摊主搬走了');
    await page.locator('.ant-modal').filter({ has: form }).getByRole('button', { name: /确\s*定|OK/ }).click();
    const row = page.getByTestId('sites-table').locator('tbody tr.ant-table-row').filter({ hasText: name });
    await row.filter({ hasText: '已停用' }).waitFor();
    await row.getByRole('button', { name: '时间线' }).click();
    const drawer = page.locator('.ant-drawer').filter({ hasText: name });
    await drawer.getByText('摊主搬走了').waitFor();
    expect(await drawer.textContent()).toContain('停用');
    const phone = await newContext(browser, 'phone');
    const qr = await phone.newPage();
    const sites = await qrSites(qr);
    await sites.first().waitFor();
    expect(await sites.filter({ hasText: name }).count()).toBe(0);
    await phone.close();
  });
});
