import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '../support/api.js';
import { launchBrowser, screenshot, signedInContext } from '../support/browser.js';
import { compoundOf, fileOverdueOrder, stepVia } from '../support/work-orders.js';

describe('an overdue order', () => {
  let browser: Browser;
  let street: BrowserContext;
  let order: { id: string; trackingNo: string };

  beforeAll(async () => {
    browser = await launchBrowser();
    street = await signedInContext(browser, 'xinan');
    const grid1 = await signedInContext(browser, 'grid1');
    const compound = await compoundOf(grid1.request);
    await grid1.close();
    order = await fileOverdueOrder(street.request, compound.id, '小区门口占道经营长期无人管理');
  });
  afterAll(async () => browser?.close());

  it('is flagged red in the 超期 tab', async () => {
    const page = await street.newPage();
    await page.goto('/work-orders');
    await page.getByTestId('tab-overdue').click();
    await page.getByPlaceholder('标题或工单号').fill(order.trackingNo);
    await page.getByPlaceholder('标题或工单号').press('Enter');
    await page.waitForURL(/tab=overdue/);
    const row = page.getByTestId('work-order-row').filter({ hasText: order.trackingNo });
    await row.waitFor();
    expect(await row.getByTestId('light').getAttribute('data-light')).toBe('red');
    expect(await row.getByTestId('light').textContent()).toBe('超期');
    expect(await row.getByTestId('state').textContent()).toBe('已受理');
    await screenshot(page, 'work-orders-overdue');

    const listed = await getJson<{ items: { id: string; light: string }[] }>(page, `/api/work-orders?overdue=true&q=${order.trackingNo}`);
    expect(listed.items).toEqual([expect.objectContaining({ id: order.id, light: 'red' })]);
  });

  it('tells a supervisor who acted on a stale page that someone else got there first, and reloads', async () => {
    const page = await street.newPage();
    await page.goto(`/work-orders/${order.id}`);
    await page.getByTestId('step-supervise').waitFor();
    const supervisedTag = page.locator('.ant-tag').filter({ hasText: /^督办$/ });
    expect(await supervisedTag.count()).toBe(0);
    // Meanwhile a colleague supervises it (the version moves on).
    await stepVia(street.request, order.id, 'supervise', { reason: '同事已督办,请尽快处理' });
    await page.getByTestId('step-supervise').click();
    await page.getByLabel('理由').fill('超期未办结,请加快');
    await page.getByTestId('step-submit').click();
    const res = await page.request.post(`/api/work-orders/${order.id}/supervise`, { data: { version: 1, reason: '旧版本' } });
    expect(res.status()).toBe(409);
    const { message } = (await res.json()) as { message: { zh: string } };
    await page.locator('.ant-message').getByText(message.zh).waitFor();
    // Reloaded: the supervised tag is on the page now.
    await supervisedTag.waitFor();
  });

  it('is “not found” for a grid worker of another grid', async () => {
    const other = await signedInContext(browser, 'grid2', 'phone');
    const page = await other.newPage();
    expect((await page.request.get(`/api/work-orders/${order.id}`)).status()).toBe(404);
    await page.goto(`/work-orders/${order.id}`);
    await page.getByTestId('work-order-not-found').waitFor();
    expect(await page.getByText('小区门口占道经营').count()).toBe(0);
    await other.close();
  });
});
