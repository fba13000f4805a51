import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '../support/api.js';
import { launchBrowser, newContext, screenshot, signedInContext } from '../support/browser.js';
import { runTag } from '../support/places.js';
import { chooseOption, compoundOf, freshPhone, pickCompound, signInResident } from '../support/work-orders.js';

interface Receipts { items: { compoundId: string; readers: number }[] }

// 北江社区's worker publishes a notice to the community; a resident of one of its compounds reads it on a phone; the
// receipts on the staff page count that reader for that compound.
describe('a community notice is published, read on a phone and counted in the receipts', () => {
  let browser: Browser;
  let office: BrowserContext;
  let compound: { id: string; name: string };
  const title = `北江社区停水通知 ${runTag()}`;
  let id = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    office = await signedInContext(browser, 'beijiang');
    const grid = await signedInContext(browser, 'grid1');
    compound = await compoundOf(grid.request);
    await grid.close();
  });
  afterAll(async () => browser?.close());

  it('the community worker writes the notice to 北江社区 and publishes it', async () => {
    const page = await office.newPage();
    await page.goto('/announcements');
    await page.getByTestId('announcement-new').click();
    await page.getByTestId('announcement-editor').waitFor();
    await page.getByTestId('announcement-place').click();
    await page.keyboard.type('北江社区');
    await chooseOption(page, '北江社区 · 社区');
    await page.getByLabel('标题').fill(title);
    await page.getByLabel('正文').fill('因市政管网维修,本周六8:00至18:00停水,请提前储水。');
    await page.getByTestId('announcement-publish').click();
    await page.waitForURL((url) => /^\/announcements\/[0-9a-z]+$/.test(url.pathname) && !url.pathname.endsWith('/new'));
    id = page.url().split('/').pop()!;
    await expect.poll(() => page.getByTestId('announcement-state').textContent()).toBe('已发布');
    expect(await page.getByTestId('announcement-title').textContent()).toBe(title);
    await screenshot(page, 'announcement-published');
    await page.close();
  });

  it('a resident on a 390 px phone picks the compound and reads it', async () => {
    const phone = await newContext(browser, 'phone');
    const page = await phone.newPage();
    await signInResident(page, freshPhone());
    await page.goto('/h5/announcements');
    await page.getByTestId('h5-home-picker').waitFor();
    await pickCompound(page, compound.name, new RegExp(`^${compound.name} · 北江社区`));
    await page.getByTestId('h5-home-submit').click();
    const notice = page.getByTestId('h5-announcement').filter({ hasText: title });
    await notice.click();
    await expect.poll(() => page.getByTestId('h5-announcement-body').first().isVisible()).toBe(true);
    await notice.getByTestId('h5-read').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'h5-announcement-read');
    await phone.close();
  });

  it('the staff page shows one reader for that compound', async () => {
    const page = await office.newPage();
    await page.goto(`/announcements/${id}`);
    const row = page.getByTestId('receipt-row').and(page.locator(`[data-id="${compound.id}"]`));
    await expect.poll(() => row.getByTestId('receipt-readers').textContent()).toBe('1');
    const receipts = await getJson<Receipts>(page, `/api/announcements/${id}/receipts?limit=500`);
    expect(receipts.items.find((r) => r.compoundId === compound.id)?.readers).toBe(1);
    await screenshot(page, 'announcement-receipts');
    await page.close();
  });
});
