import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, signedInContext } from '../support/browser.js';
import { filePatrolReport, orderOf } from '../support/work-orders.js';
import { WAIT } from '../support/wait.js';

/** "2026-03-05 14:02:11" of an instant at a fixed offset from UTC. */
const at = (iso: string, offsetHours: number) => new Date(new Date(iso).getTime() + offsetHours * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

describe('times on the pages', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('are Beijing time whatever the browser’s clock zone, the page’s title says which page it is, and the app has its own icon', async () => {
    const grid = await signedInContext(browser, 'grid1');
    const filed = await filePatrolReport(grid.request, '时区测试:路灯不亮');
    await grid.close();
    const signed = await signedInContext(browser, 'beijiang');
    // A browser in Los Angeles (UTC-8 in December, -7 in summer): 15 or 16 hours behind Beijing.
    const ctx = await browser.newContext({ baseURL: baseUrl(), locale: 'zh-CN', timezoneId: 'America/Los_Angeles' });
    ctx.setDefaultTimeout(WAIT);
    await ctx.addCookies(await signed.cookies());
    await signed.close();
    const page = await ctx.newPage();
    const { order } = await orderOf(page, filed.id);
    await page.goto(`/work-orders/${filed.id}`);
    await page.getByText(at(order.receivedAt, 8)).first().waitFor();
    expect(await page.getByText(at(order.receivedAt, -8)).count()).toBe(0);
    expect(await page.getByText(at(order.receivedAt, -7)).count()).toBe(0);
    await expect.poll(() => page.title()).toBe('工单详情 - 一张网');

    const icon = await page.locator('link[rel="icon"]').getAttribute('href');
    const res = await page.request.get(icon!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('image/svg+xml');
    await ctx.close();
  });
});
