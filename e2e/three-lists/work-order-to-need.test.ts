import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '../support/api.js';
import { launchBrowser, screenshot, signedInContext } from '../support/browser.js';
import { chooseOption } from '../support/work-orders.js';

// 北江社区's worker turns a work order into a need from the order's page; the need names the order, and the order's
// page then links to the need.
describe('a work order becomes a need', () => {
  let browser: Browser;
  let office: BrowserContext;

  beforeAll(async () => {
    browser = await launchBrowser();
    office = await signedInContext(browser, 'beijiang');
  });
  afterAll(async () => browser?.close());

  it('the community worker turns an order into a need and the two link each other', async () => {
    const page = await office.newPage();
    const orders = await getJson<{ items: { id: string; title: string }[] }>(page, '/api/work-orders?limit=20');
    const order = orders.items[orders.items.length - 1]!;
    await page.goto(`/work-orders/${order.id}`);
    await page.getByTestId('work-order-to-need').click();
    await page.locator('.ant-modal .ant-select').click();
    await chooseOption(page, '维修改造');
    await page.locator('.ant-modal').getByRole('button', { name: /确\s*定/ }).click();
    await page.getByTestId('need-detail').waitFor();
    await expect.poll(() => page.getByTestId('need-state').textContent()).toBe('待审核');
    expect(await page.getByTestId('need-detail').textContent()).toContain('工单转入');
    await screenshot(page, 'three-lists-from-work-order');
    await page.goto(`/work-orders/${order.id}`);
    await page.getByTestId('work-order-need').click();
    await page.getByTestId('need-detail').waitFor();
    expect(page.url()).toMatch(/\/needs\/[0-9a-z]+$/);
    await page.close();
  });
});
