import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '../support/api.js';
import { launchBrowser, newContext, screenshot, signedInContext, signIn } from '../support/browser.js';
import { filePatrolReport } from '../support/work-orders.js';

interface Workbench { place: { name: string }; waiting: { counts: Record<string, number> }; overdue: number; today: { total: number } }

describe('the staff workbench', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    // Something to accept for sure: grid1 files a patrol report.
    const grid = await signedInContext(browser, 'grid1');
    await filePatrolReport(grid.request, '工作台测试:井盖松动');
    await grid.close();
  });
  afterAll(async () => browser?.close());

  it('is where a community worker lands, and its 待受理 card opens the inbox with the same count', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await signIn(page, 'beijiang');
    expect(new URL(page.url()).pathname).toBe('/workbench');
    const api = await getJson<Workbench>(page, '/api/workbench');
    expect(await page.getByTestId('workbench-place').textContent()).toBe(api.place.name);
    // The menu's first entry is the workbench.
    expect((await page.getByRole('menuitem').first().textContent())!.trim()).toBe('工作台');

    const card = page.getByTestId('card-awaits-accept');
    const shown = Number((await card.locator('.ant-statistic-content-value').textContent())!.replace(/\D/g, ''));
    expect(shown).toBe(api.waiting.counts.accept);
    expect(shown).toBeGreaterThan(0);
    await page.getByTestId('intake-grid_patrol').waitFor();
    await page.getByTestId('month-rates').getByText('进行中').waitFor();
    await screenshot(page, 'workbench-community');

    await card.click();
    await page.waitForURL(/\/work-orders\?.*awaits=accept/);
    const tag = page.getByTestId('count-accept');
    await expect.poll(() => tag.textContent()).toBe(`待受理 ${shown}`);
    // The rows listed are those counted.
    await expect.poll(async () => (await page.getByTestId('work-order-total').textContent())?.replace(/\D/g, '')).toBe(String(shown));
    await ctx.close();
  });

  it('fits a grid worker’s phone: the cards stack and nothing scrolls sideways', async () => {
    const ctx = await signedInContext(browser, 'grid1', 'phone');
    const page = await ctx.newPage();
    await page.goto('/');
    await page.waitForURL(/\/workbench$/);
    await page.getByTestId('waiting-cards').waitFor();
    await page.getByTestId('month-rates').waitFor();
    await page.getByTestId('card-overdue').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Two cards to a row at most: the third card starts below the first.
    const boxes = await page.getByTestId('waiting-cards').locator('.ant-col').evaluateAll((cols) => cols.map((c) => c.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes.length).toBeGreaterThanOrEqual(3);
    for (const b of boxes) expect(b.right).toBeLessThanOrEqual(390);
    const perRow = new Map<number, number>();
    for (const b of boxes) perRow.set(Math.round(b.top), (perRow.get(Math.round(b.top)) ?? 0) + 1);
    expect(Math.max(...perRow.values())).toBeLessThanOrEqual(2);
    await screenshot(page, 'workbench-grid-phone');
    await ctx.close();
  });

  it('sends a resident to the phone pages and a building head to his building', async () => {
    const resident = await signedInContext(browser, 'jumin');
    const page = await resident.newPage();
    await page.goto('/');
    await page.waitForURL(/\/phone-pages$/);
    await page.getByTestId('phone-pages').getByRole('link', { name: '我要反映' }).waitFor();
    expect(await page.getByTestId('phone-pages').getByRole('link', { name: '党员岗位' }).count()).toBe(0);
    await resident.close();

    const member = await signedInContext(browser, 'dangyuan');
    const memberPage = await member.newPage();
    await memberPage.goto('/');
    await memberPage.waitForURL(/\/phone-pages$/);
    await memberPage.getByTestId('phone-pages').getByRole('link', { name: '党员岗位' }).waitFor();
    await member.close();

    const head = await signedInContext(browser, 'louzhang');
    const headPage = await head.newPage();
    await headPage.goto('/');
    await headPage.waitForURL(/\/places\/[0-9a-z]+$/);
    await headPage.getByTestId('place-name').waitFor();
    await head.close();
  });
});
