import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '../support/api.js';
import { launchBrowser, newContext, screenshot, settled, signedInContext } from '../support/browser.js';
import { freshPhone, signInResident } from '../support/work-orders.js';

// 轮值主席: this month 北江社区's chair is 三水区人民医院 (the demo roster). Its contact (gongjian) finds the month-start
// reminder in the inbox, files the activity plan and the report; a resident rates it on a phone from the residents' link;
// the community's worker sees the rating on the roster.
describe('a month’s rotating chair is reminded, plans, reports and is rated', () => {
  let browser: Browser;
  let contact: BrowserContext;
  let office: BrowserContext;
  let monthId = '';
  const beijingMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);

  beforeAll(async () => {
    browser = await launchBrowser();
    contact = await signedInContext(browser, 'gongjian');
    office = await signedInContext(browser, 'beijiang');
  });
  afterAll(async () => browser?.close());

  it('the chair’s contact opens the reminder and files the plan, then the report', async () => {
    const page = await contact.newPage();
    await page.goto('/workbench');
    // The month-start job runs shortly after the server starts: wait for its line in the inbox, then open it from the bell.
    await expect.poll(async () => (await getJson<{ items: { entityType: string }[] }>(contact.request, '/api/notifications'))
      .items.some((n) => n.entityType === 'chair_month')).toBe(true);
    await page.getByRole('button', { name: '消息' }).click();
    const note = page.getByTestId('notification').filter({ hasText: '由贵单位担任北江社区轮值主席' }).first();
    await note.click();
    await page.waitForURL(/\/rotating-chair$/);
    const row = page.locator(`[data-testid="chair-row"][data-month="${beijingMonth()}"]`);
    await row.click();
    const drawer = await settled(page.getByTestId('chair-drawer'));
    await expect.poll(() => drawer.getByTestId('chair-state').textContent()).toBe('待提交计划');
    await drawer.getByTestId('chair-file_plan').click();
    await page.getByTestId('chair-text').fill('本月组织医护人员进小区开展健康义诊,并为独居老人建立慢病随访档案。');
    await page.getByTestId('chair-step-ok').click();
    await expect.poll(() => drawer.getByTestId('chair-state').textContent()).toBe('活动进行中');
    await drawer.getByTestId('chair-report').click();
    await page.getByTestId('chair-text').fill('义诊服务86人次,建立慢病随访档案12份,居民满意。');
    await page.getByTestId('chair-step-ok').click();
    await expect.poll(() => drawer.getByTestId('chair-state').textContent()).toBe('已报告,评议中');
    await drawer.getByTestId('chair-resident-link').waitFor();
    await screenshot(page, 'rotating-chair-reported');
    const roster = await getJson<{ items: { id: string; month: string }[] }>(contact.request, '/api/chair-months');
    monthId = roster.items.find((m) => m.month === beijingMonth())!.id;
    await page.close();
  });

  it('a resident rates it on a phone; the worker sees the rating', async () => {
    const phone = await newContext(browser, 'phone');
    const page = await phone.newPage();
    await signInResident(page, freshPhone());
    await page.goto(`/h5/chair-months/${monthId}`);
    await page.getByTestId('h5-chair').waitFor();
    expect(await page.getByTestId('h5-chair').textContent()).toContain('三水区人民医院');
    await page.getByTestId('h5-chair-star').nth(3).click();
    await page.getByTestId('h5-chair-comment').fill('义诊很方便');
    await page.getByTestId('h5-chair-rate').click();
    await page.getByTestId('h5-chair-rated').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'rotating-chair-h5-rated');
    await phone.close();

    const desk = await office.newPage();
    await desk.goto('/rotating-chair');
    await desk.locator(`[data-testid="chair-row"][data-month="${beijingMonth()}"]`).click();
    const drawer = await settled(desk.getByTestId('chair-drawer'));
    await expect.poll(() => drawer.getByTestId('chair-rating').count()).toBe(1);
    expect(await drawer.getByTestId('chair-rating').textContent()).toContain('义诊很方便');
    await desk.close();
  });
});
