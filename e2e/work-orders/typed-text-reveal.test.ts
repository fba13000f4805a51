import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signedInContext } from '../support/browser.js';
import { filePatrolReport, stepVia, takenBy } from '../support/work-orders.js';

// A description and a rating comment with a phone and an ID number typed in: the order's page and its timeline show them
// masked, and the office reveals each with a reason.
describe('phone and ID numbers typed into an order are masked and revealed on its page', () => {
  let browser: Browser;
  let office: BrowserContext;
  let grid: BrowserContext;
  let orderId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    [office, grid] = await Promise.all([signedInContext(browser, 'beijiang'), signedInContext(browser, 'grid1')]);
    const order = await filePatrolReport(grid.request, `水管漏水-${Date.now().toString(36).slice(-5)}`, {
      description: '楼下水管漏水,联系人电话13812341234,身份证440106199001011234',
    });
    orderId = order.id;
    await takenBy(office.request, grid.request, orderId);
    await stepVia(grid.request, orderId, 'resolve', { result: '已更换水管' });
    await stepVia(office.request, orderId, 'rate', { rating: 'satisfied', comment: '有问题再打13812341234' });
  });
  afterAll(async () => browser?.close());

  it('shows the description masked, reveals it with a reason, and does the same for a timeline entry', async () => {
    const page = await office.newPage();
    await page.goto(`/work-orders/${orderId}`);
    const masked = page.getByTestId('text-description-masked');
    await expect.poll(() => masked.textContent()).toBe('楼下水管漏水,联系人电话138****1234,身份证4401**********1234');
    await page.getByTestId('text-description-reveal').click();
    await page.getByRole('dialog').getByLabel('理由').fill('回电居民核实');
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(() => page.getByTestId('text-description-value').textContent())
      .toContain('联系人电话13812341234,身份证440106199001011234');

    await page.getByTestId('open-timeline').click();
    const rate = page.getByTestId('timeline-event').filter({ hasText: '评价意见' });
    await expect.poll(() => rate.textContent()).toContain('有问题再打138****1234');
    await rate.getByRole('button', { name: /查\s*看/ }).click();
    await page.getByRole('dialog').filter({ hasText: '记录原文' }).getByLabel('理由').fill('核对评价');
    await page.getByRole('dialog').filter({ hasText: '记录原文' }).getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(() => rate.textContent()).toContain('有问题再打13812341234');
    await screenshot(page, 'typed-text-reveal');
    await page.close();
  });
});
