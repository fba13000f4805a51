import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signedInContext } from '../support/browser.js';
import { chooseOption, filePatrolReport, orderOf, stepVia, type FiledOrder } from '../support/work-orders.js';

// The community worker dispatches three accepted orders to grid1 at once; the one in grid2's grid is not grid1's to
// take, and the report says which and why while the other two went through.
describe('a batch dispatch with one failing order', () => {
  let browser: Browser;
  let office: BrowserContext;
  let orders: FiledOrder[];
  const tag = `批量${Date.now().toString(36).slice(-5)}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    office = await signedInContext(browser, 'beijiang');
    const [grid1, grid2] = [await signedInContext(browser, 'grid1'), await signedInContext(browser, 'grid2')];
    // Filed oldest first: the other grid's order, then grid1's two (the list shows newest first).
    orders = [await filePatrolReport(grid2.request, `${tag}-第2网格`), await filePatrolReport(grid1.request, `${tag}-甲`), await filePatrolReport(grid1.request, `${tag}-乙`)];
    for (const o of orders) await stepVia(office.request, o.id, 'accept');
  });
  afterAll(async () => browser?.close());

  it('dispatches each order as its own step and reports the one that failed', async () => {
    const page = await office.newPage();
    await page.goto(`/work-orders?tab=all&q=${tag}`);
    for (const o of orders) await page.locator(`[data-testid="work-order-row"][data-id="${o.id}"] .ant-checkbox-input`).check();
    await page.getByTestId('batch-dispatch').click();
    await page.getByTestId('assignee-select').click();
    await chooseOption(page, '(grid1)');
    await page.getByTestId('batch-submit').click();
    const report = page.getByTestId('batch-report');
    await report.waitFor();
    expect(await report.textContent()).toContain('成功 2 件,未成功 1 件');
    const failures = page.getByTestId('batch-failure');
    expect(await failures.count()).toBe(1);
    expect(await failures.first().textContent()).toContain(orders[0]!.trackingNo);
    expect(await failures.first().textContent()).toContain('只能派给该地点所在网格或社区的工作人员');
    await screenshot(page, 'batch-dispatch-report');
    const states = await Promise.all(orders.map(async (o) => (await orderOf(page, o.id)).order.state));
    expect(states).toEqual(['accepted', 'dispatched', 'dispatched']);
    await page.close();
  });
});
