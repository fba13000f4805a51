import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, type Me } from '../support/api.js';
import { launchBrowser, screenshot, settled, signedInContext } from '../support/browser.js';
import { chooseOption } from '../support/work-orders.js';

const headers = async (page: Page) => (await page.locator('.ant-table-thead th').allTextContents()).map((h) => h.trim()).filter(Boolean);
const totalOf = async (page: Page) => (await page.getByTestId('work-order-total').textContent())?.replace(/\D/g, '');

// The district admin's work-order table: its total for what is filtered (date range, street, community), and a column
// picker whose choice the table keeps for this user after a reload.
describe('the work-order table: total, filters and column picker', () => {
  let browser: Browser;
  let admin: BrowserContext;
  let userId = '';
  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await signedInContext(browser, 'admin');
    userId = (await getJson<Me>(admin.request, '/api/me')).user.id;
  });
  afterAll(async () => browser?.close());

  it('shows the total of what the date range, street and community filters leave', async () => {
    const page = await admin.newPage();
    const api = (q: string) => getJson<{ total: number }>(page, `/api/work-orders?limit=1${q}`).then((r) => String(r.total));
    await page.goto('/work-orders?tab=all');
    await expect.poll(() => totalOf(page)).toBe(await api(''));
    // Both selects search by name: a district has many streets, a street many communities.
    await page.getByTestId('filter-street').click();
    await page.keyboard.type('西南');
    await chooseOption(page, '西南街道');
    await expect.poll(() => new URL(page.url()).searchParams.get('streetId')).toBeTruthy();
    const streetId = new URL(page.url()).searchParams.get('streetId')!;
    await expect.poll(() => totalOf(page)).toBe(await api(`&streetId=${streetId}`));
    await page.getByTestId('filter-community').click();
    await page.keyboard.type('北江');
    await chooseOption(page, '北江社区');
    await expect.poll(() => new URL(page.url()).searchParams.get('communityId')).toBeTruthy();
    const communityId = new URL(page.url()).searchParams.get('communityId')!;
    await expect.poll(() => totalOf(page)).toBe(await api(`&streetId=${streetId}&communityId=${communityId}`));
    // The date range: typed into the picker's two inputs.
    const range = page.locator('.ant-picker-range').filter({ has: page.getByPlaceholder('接收日期') });
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const monthAgo = new Date(Date.now() + 8 * 3600_000 - 30 * 86400_000).toISOString().slice(0, 10);
    await range.locator('input').first().click();
    await range.locator('input').first().fill(monthAgo);
    await page.keyboard.press('Enter');
    await range.locator('input').nth(1).fill(today);
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('receivedTo')).toBe(today);
    expect(new URL(page.url()).searchParams.get('receivedFrom')).toBe(monthAgo);
    await expect.poll(() => totalOf(page)).toBe(await api(`&streetId=${streetId}&communityId=${communityId}&receivedFrom=${monthAgo}&receivedTo=${today}`));
    await page.close();
  });

  it('hides a column from the settings icon and keeps it hidden for this user after a reload', async () => {
    const page = await admin.newPage();
    await page.goto('/work-orders?tab=all');
    await expect.poll(() => headers(page)).toContain('渠道');
    await page.getByTestId('columns-open').click();
    const picker = await settled(page.getByTestId('columns-work-orders'));
    // The tracking number opens the order: it cannot be hidden.
    expect(await picker.getByRole('checkbox', { name: '工单号' }).isDisabled()).toBe(true);
    await picker.getByRole('checkbox', { name: '渠道' }).uncheck();
    await picker.getByRole('checkbox', { name: '分类' }).uncheck();
    await expect.poll(() => headers(page)).not.toContain('渠道');
    expect(await headers(page)).not.toContain('分类');
    await screenshot(page, 'work-order-columns');
    await page.reload();
    await expect.poll(() => headers(page)).toContain('工单号');
    expect(await headers(page)).not.toContain('渠道');
    expect(await headers(page)).not.toContain('分类');
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('onegrid.columns.')))).toEqual([`onegrid.columns.work-orders.${userId}`]);
    await page.getByTestId('columns-open').click();
    await (await settled(page.getByTestId('columns-work-orders'))).getByTestId('columns-reset').click();
    await expect.poll(() => headers(page)).toContain('渠道');
    await page.close();
  });
});
