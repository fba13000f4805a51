import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentMonth, lastCompleteMonth } from '../../contracts/months.js';
import { getJson } from '../support/api.js';
import { launchBrowser, newContext, screenshot, signedInContext } from '../support/browser.js';

interface Row { officeId: string; name: string; score: number | null; rank: number | null; received: number; street: { id: string; name: string } | null }

// The demo seeds a year of orders for 西南街道: last month every one of its communities has figures; the district's
// other communities have none and are listed unranked.
const lastMonth = lastCompleteMonth;
const names = (rows: Row[]) => rows.map((r) => r.name);
/** The office names of the table's rows, as shown. */
const shownNames = (page: import('playwright-core').Page) => page.getByTestId('rate-row').getByTestId('office-name').allTextContents();

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
    expect(await shownNames(page)).toEqual(names(items));
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
    await page.waitForURL(/\/workbench$/);
    expect(await page.getByRole('menuitem', { name: /三率排名/ }).count()).toBe(0);
    await grid.close();
  });

  it('opens on the last complete month, marks the current one as in progress, and filters the district’s communities by street', async () => {
    const admin = await signedInContext(browser, 'admin');
    const page = await admin.newPage();
    await page.goto('/rates');
    await expect.poll(() => page.getByTestId('rates-month').locator('input').inputValue()).toBe(lastMonth());
    const { items } = await getJson<{ items: Row[] }>(admin.request, `/api/rates?month=${lastMonth()}&level=community`);
    await expect.poll(async () => (await shownNames(page)).join('|')).toBe(names(items).join('|'));
    expect(await page.getByTestId('month-in-progress').count()).toBe(0);
    // The unranked note shows here as on the public page: the other streets' communities have nothing to count.
    const unranked = items.filter((r) => r.rank === null).length;
    expect(unranked).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=rate-row][data-ranked=false] [data-testid=not-ranked]').count()).toBe(unranked);

    await page.getByTestId('rates-street').click();
    await page.locator('.ant-select-item-option', { hasText: '西南街道' }).click();
    await page.waitForURL(/street=/);
    const xinan = items.filter((r) => r.street?.name === '西南街道');
    await expect.poll(async () => (await shownNames(page)).join('|')).toBe(names(xinan).join('|'));
    await screenshot(page, 'rates-admin-street-filter');

    await page.goto(`/rates?month=${currentMonth()}&level=community`);
    await page.getByTestId('month-in-progress').waitFor();
    await page.getByTestId('in-progress-note').waitFor();
    await admin.close();
  });

  it('shows a community worker their own row with its district rank, and their street on the street tab', async () => {
    const community = await signedInContext(browser, 'beijiang');
    const admin = await signedInContext(browser, 'admin');
    const all = (await getJson<{ items: Row[] }>(admin.request, `/api/rates?month=${lastMonth()}&level=community`)).items;
    const page = await community.newPage();
    await page.goto(`/rates?month=${lastMonth()}&level=community`);
    await expect.poll(() => shownNames(page)).toEqual(['北江社区']);
    const rank = all.find((r) => r.name === '北江社区')!.rank;
    expect((await page.getByTestId('rate-row').first().locator('td').first().textContent())!.trim()).toBe(String(rank ?? '—'));
    await page.getByRole('tab', { name: '街道' }).click();
    await expect.poll(() => shownNames(page)).toEqual(['西南街道']);
    await community.close();
    await admin.close();
  });

  it('publishes the ranking on a 390 px phone without signing in: last month, grouped by street, no horizontal scroll', async () => {
    const anonymous = await newContext(browser, 'phone');
    const page = await anonymous.newPage();
    const { items } = await getJson<{ items: Row[] }>(anonymous.request, `/api/public/ranking?month=${month}&level=community`);
    await page.goto('/public/ranking');
    await expect.poll(() => page.getByTestId('public-month').locator('input').inputValue()).toBe(month);
    // Streets in the order of their best community, each with its communities in the ranking's order.
    const streets = [...new Set(items.map((r) => r.street!.name))];
    const grouped = streets.flatMap((s) => names(items.filter((r) => r.street!.name === s)));
    const rows = page.getByTestId('public-row');
    await expect.poll(async () => (await rows.getByTestId('office-name').allTextContents()).join('|')).toBe(grouped.join('|'));
    expect(await page.getByTestId('public-group-street').allTextContents()).toEqual(streets);
    // Offices with nothing to count have no rank and say why.
    const unranked = items.filter((r) => r.rank === null).length;
    expect(unranked).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=public-row][data-ranked=false] [data-testid=not-ranked]').count()).toBe(unranked);
    expect(await page.locator('[data-testid=public-row][data-ranked=true] [data-testid=not-ranked]').count()).toBe(0);
    expect(await page.locator('.ant-layout-sider, [data-testid=nav-drawer]').count()).toBe(0);
    const width = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(width.client).toBe(390);
    expect(width.scroll).toBeLessThanOrEqual(width.client);
    // No table scrolls sideways inside the page either.
    expect(await page.locator('[data-testid=public-group], [data-testid=public-group] table').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth).length)).toBe(0);
    await screenshot(page, 'public-ranking-phone');
    await anonymous.close();
  });
});
