import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '../support/api.js';
import { launchBrowser, screenshot, signedInContext } from '../support/browser.js';

type Mine = { member: { id: string; name: string }; items: { year: string; state: string }[] };

// 双报到: the demo in-service member (zaizhi, employed by 三水区人民医院) checks in on a 390 px phone; 北江社区's worker
// confirms it; the hospital's contact (gongjian) sees the member confirmed on the employer page.
describe('an in-service member checks in on a phone, the community confirms and the employer org sees it', () => {
  let browser: Browser;
  let member: BrowserContext;
  let office: BrowserContext;
  let employer: BrowserContext;
  let name = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    member = await signedInContext(browser, 'zaizhi', 'phone');
    office = await signedInContext(browser, 'beijiang');
    employer = await signedInContext(browser, 'gongjian');
  });
  afterAll(async () => browser?.close());

  it('the member checks in on a 390 px phone and sees it waiting to be confirmed', async () => {
    const page = await member.newPage();
    name = (await getJson<Mine>(page, '/api/party-checkins/mine')).member.name;
    await page.goto('/my-checkin');
    await page.getByTestId('my-checkin-submit').click();
    await expect.poll(() => page.getByTestId('my-checkin-state').textContent()).toContain('待确认');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'party-checkin-phone');
    await page.close();
  });

  it('the community worker confirms the check-in', async () => {
    const page = await office.newPage();
    await page.goto('/party-checkins');
    await page.getByTestId('party-checkins-page').waitFor();
    const row = page.getByTestId('checkins-submitted').locator(`[data-testid="checkin-row"][data-member="${name}"]`);
    await row.getByTestId('checkin-confirm').click();
    await expect.poll(() => row.count()).toBe(0);
    await page.getByRole('tab', { name: '已报到' }).click();
    const confirmed = page.getByTestId('checkins-confirmed').locator(`[data-testid="checkin-row"][data-member="${name}"]`);
    await expect.poll(() => confirmed.getByTestId('checkin-state').textContent()).toBe('已报到');
    await screenshot(page, 'party-checkin-confirmed');
    await page.close();
  });

  it('the employer unit’s contact sees the member checked in', async () => {
    const page = await employer.newPage();
    await page.goto('/employer-checkins');
    const row = page.locator(`[data-testid="employer-row"][data-member="${name}"]`);
    await expect.poll(() => row.getByTestId('employer-state').textContent()).toBe('已报到');
    await expect.poll(() => page.getByTestId('employer-checkins').textContent()).toContain('三水区人民医院');
    await screenshot(page, 'party-checkin-employer');
    await page.close();
  });
});
