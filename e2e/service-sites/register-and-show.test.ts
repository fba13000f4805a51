import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childrenOf, getJson } from '../support/api.js';
import { launchBrowser, newContext, saveDialog, screenshot, settled, signedInContext } from '../support/browser.js';
import { runTag } from '../support/places.js';
import { chooseOption } from '../support/work-orders.js';

// 北江社区's worker registers a service point on a compound from the 服务阵地 page; a phone that never signed in opens
// the compound's QR page at 390 px and finds it beside the community's station; the worker closes it with a reason and
// the QR page no longer lists it.
describe('a service point registered by the community shows on its compound’s QR page', () => {
  let browser: Browser;
  let office: BrowserContext;
  let page: Page;
  let compound: { id: string; name: string };
  let key = '';
  const name = `便民修伞点${runTag().slice(-4)}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    office = await signedInContext(browser, 'beijiang');
    const me = await getJson<{ roles: { placeId: string }[] }>(office.request, '/api/me');
    const grid = (await childrenOf(office.request, me.roles[0]!.placeId))[0]!;
    compound = (await childrenOf(office.request, grid.id))[0]!;
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

  it('registers the point from the menu, with its hours and services, and lists it', async () => {
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
    // Half a point is refused under the field, and nothing is written.
    await form.getByLabel('经度').fill('112.87');
    await page.locator('.ant-modal').filter({ has: form }).getByRole('button', { name: /保\s*存/ }).click();
    await form.getByText('经度和纬度须同时填写').waitFor();
    await form.getByLabel('纬度').fill('23.16');
    await saveDialog(page, form);
    const row = page.getByTestId('sites-table').locator('tbody tr.ant-table-row').filter({ hasText: name });
    await row.waitFor();
    expect(await row.textContent()).toContain('便民服务点');
    expect(await row.textContent()).toContain(compound.name);
    await screenshot(page, 'service-sites');
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
