import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '../support/api.js';
import { launchBrowser, newContext, screenshot, signedInContext } from '../support/browser.js';

interface Row { officeId: string; name: string; score: number | null; rank: number | null; received: number }

// The demo seeds a year of orders for 西南街道: last month every one of its communities has figures; the district's
// other communities have none and are listed unranked on the public page.
const lastMonth = () => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
};
const names = (rows: Row[]) => rows.map((r) => r.name);

describe('the monthly ranking of the three rates', () => {
  let browser: Browser;
  let street: BrowserContext;
  const month = lastMonth();

  beforeAll(async () => {
    browser = await launchBrowser();
    street = await signedInContext(browser, 'xinan');
  });
  afterAll(async () => browser?.close());

  it('lists the communities in the order of GET /api/rates, best score first, with counts that open their orders', async () => {
    const { items } = await getJson<{ items: Row[] }>(street.request, `/api/rates?month=${month}&level=community`);
    expect(items.length).toBeGreaterThan(1);
    const scored = items.filter((r) => r.score !== null);
    expect(scored.map((r) => r.score)).toEqual([...scored.map((r) => r.score!)].sort((a, b) => b - a));

    const page = await street.newPage();
    await page.goto(`/rates?month=${month}&level=community`);
    const rows = page.getByTestId('rate-row');
    await expect.poll(() => rows.count()).toBe(items.length);
    const shown = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[1]!.textContent!.trim()));
    expect(shown).toEqual(names(items));
    expect((await rows.first().locator('td').nth(3).textContent())!.trim()).toBe(String(items[0]!.received));
    await page.getByTestId('trend-chart').locator('canvas').first().waitFor();
    await screenshot(page, 'rates-community');

    await rows.first().getByTestId('figure-received').click();
    const behind = await getJson<{ items: unknown[] }>(page, `/api/rates/orders?month=${month}&level=community&officeId=${items[0]!.officeId}&figure=received`);
    await expect.poll(() => page.getByTestId('figure-order').count()).toBe(behind.items.length);
    expect(behind.items.length).toBe(Math.min(items[0]!.received, 100));
    await screenshot(page, 'rates-orders-drawer');
    await page.keyboard.press('Escape');

    const download = page.waitForEvent('download');
    await page.getByTestId('rates-export').click();
    // A Chinese name with the place and the month (the ledger kit's file name).
    expect((await download).suggestedFilename()).toMatch(new RegExp(`_三率排名_${month}\\.xlsx$`));
  });

  it('ranks the departments on their own tab, and a department’s count opens the orders dispatched to it', async () => {
    const { items } = await getJson<{ items: Row[] }>(street.request, `/api/rates?month=${month}&level=department`);
    expect(names(items).sort()).toEqual(['住建办', '供电所', '城管执法中队', '市政维护所', '社保所', '综治中心'].sort());
    const busiest = [...items].sort((a, b) => b.received - a.received)[0]!;
    expect(busiest.received).toBeGreaterThan(0);

    const page = await street.newPage();
    await page.goto(`/rates?month=${month}&level=community`);
    await page.getByRole('tab', { name: '部门' }).click();
    await page.waitForURL(/level=department/);
    const rows = page.getByTestId('rate-row');
    await expect.poll(async () => (await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[1]!.textContent!.trim()))).join('|'))
      .toBe(names(items).join('|'));
    // The trend below is the first department's, asked for only once the department rows are in: no error on the way.
    await expect.poll(() => page.getByTestId('trend-title').textContent()).toContain(items[0]!.name);
    await page.getByTestId('trend-chart').locator('canvas').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('.ant-message-error').count()).toBe(0);
    const row = page.locator(`[data-testid=rate-row][data-office="${busiest.officeId}"]`);
    expect((await row.locator('td').nth(2).textContent())!.trim()).toBe(busiest.score === null ? '—' : busiest.score.toFixed(1));
    expect((await row.getByTestId('figure-received').textContent())!.trim()).toBe(String(busiest.received));
    await screenshot(page, 'rates-department');

    await row.getByTestId('figure-received').click();
    const behind = await getJson<{ items: { id: string; title: string; assignee: { kind: string; id: string } }[] }>(page,
      `/api/rates/orders?month=${month}&level=department&officeId=${busiest.officeId}&figure=received`);
    expect(behind.items.length).toBe(Math.min(busiest.received, 100));
    expect(behind.items.every((o) => o.assignee.kind === 'unit' && o.assignee.id === busiest.officeId)).toBe(true);
    const drawer = page.locator('.ant-drawer-open');
    await expect.poll(() => drawer.locator('.ant-drawer-title').textContent()).toBe(`${busiest.name} · 受理量`);
    await expect.poll(() => drawer.getByTestId('figure-order').count()).toBe(behind.items.length);
    // Down to one of its orders.
    await drawer.getByTestId('figure-order').first().getByRole('link').click();
    await page.waitForURL(new RegExp(`/work-orders/${behind.items[0]!.id}$`));
    await expect.poll(() => page.getByTestId('work-order-title').textContent()).toBe(behind.items[0]!.title);
    await page.close();
  });

  it('is not offered to a grid worker, whose API answer is 403', async () => {
    const grid = await signedInContext(browser, 'grid1');
    const page = await grid.newPage();
    expect((await page.request.get(`/api/rates?month=${month}&level=community`)).status()).toBe(403);
    await page.goto('/rates');
    await page.waitForURL(/\/places/);
    expect(await page.getByRole('menuitem', { name: /三率排名/ }).count()).toBe(0);
    await grid.close();
  });

  it('shows the same order on the public ranking page without signing in', async () => {
    const anonymous = await newContext(browser, 'phone');
    const page = await anonymous.newPage();
    const { items } = await getJson<{ items: Row[] }>(anonymous.request, `/api/public/ranking?month=${month}&level=community`);
    await page.goto('/public/ranking');
    // The page opens on this month; go to last month through the month picker.
    await page.locator('.ant-picker').click();
    await page.locator('.ant-picker-header-super-prev-btn, .ant-picker-header-prev-btn').first().waitFor();
    const [year, monthNo] = month.split('-').map(Number) as [number, number];
    if (year !== new Date().getFullYear()) await page.locator('.ant-picker-header-super-prev-btn').click();
    await page.locator('.ant-picker-cell-inner').nth(monthNo - 1).click();
    const rows = page.getByTestId('public-row');
    await expect.poll(async () => (await rows.getByTestId('office-name').allTextContents()).join('|')).toBe(names(items).join('|'));
    // Offices with nothing to count come last, without a rank, and say why.
    const unranked = items.filter((r) => r.rank === null).length;
    expect(unranked).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=public-row][data-ranked=false] [data-testid=not-ranked]').count()).toBe(unranked);
    expect(await page.locator('[data-testid=public-row][data-ranked=true] [data-testid=not-ranked]').count()).toBe(0);
    expect(await rows.last().locator('td').first().textContent()).toBe('—');
    expect(await page.locator('.ant-layout-sider, [data-testid=nav-drawer]').count()).toBe(0);
    await screenshot(page, 'public-ranking-phone');
    await anonymous.close();
  });
});
