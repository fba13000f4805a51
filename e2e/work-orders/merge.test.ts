import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signedInContext } from '../support/browser.js';
import { chooseOption, eventsOf, filePatrolReport, openStep, orderOf, stateOnPage, stepVia, submitStep, type FiledOrder } from '../support/work-orders.js';


// Two reports of the same broken railing: the office merges the later one into the first, which goes on being handled.
describe('merging a duplicate into another order', () => {
  let browser: Browser;
  let office: BrowserContext;
  let original: FiledOrder;
  let duplicate: FiledOrder;
  const tag = Date.now().toString(36).slice(-5);

  beforeAll(async () => {
    browser = await launchBrowser();
    office = await signedInContext(browser, 'beijiang');
    const grid = await signedInContext(browser, 'grid1');
    original = await filePatrolReport(grid.request, `河堤护栏断裂-${tag}`);
    duplicate = await filePatrolReport(grid.request, `河堤护栏断裂(重复反映)-${tag}`);
    await grid.close();
    await stepVia(office.request, original.id, 'accept');
  });
  afterAll(async () => browser?.close());

  it('finds the other order by its title, merges, and links the duplicate to it', async () => {
    const page = await office.newPage();
    await page.goto(`/work-orders/${duplicate.id}`);
    await openStep(page, 'merge');
    await page.getByTestId('merge-target').click();
    await page.keyboard.type(tag);
    // The duplicate itself is not offered: only the other order matches.
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await expect.poll(async () => (await options.allTextContents()).join('|')).toBe(`${original.trackingNo} · ${original.title} · 已受理`);
    await chooseOption(page, original.trackingNo);
    await page.getByLabel('理由').fill('同一处护栏,居民重复反映');
    await screenshot(page, 'work-order-merge-form');
    await submitStep(page);

    await expect.poll(() => stateOnPage(page)).toBe('已合并');
    expect(await page.getByTestId('step-buttons').count()).toBe(0);
    const link = page.getByTestId('merged-into');
    await expect.poll(() => link.textContent()).toBe(`${original.trackingNo} · ${original.title}`);
    const { order: merged } = await orderOf(page, duplicate.id);
    expect(merged).toMatchObject({ state: 'merged', mergedInto: original.id });
    expect((await orderOf(page, original.id)).order.state).toBe('accepted');
    const merge = (await eventsOf(page, duplicate.id)).find((e) => e.action === 'merge')!;
    expect(merge).toMatchObject({ reason: '同一处护栏,居民重复反映', to: { state: 'merged', mergedInto: original.id, trackingNo: original.trackingNo } });

    await link.click();
    await page.waitForURL(new RegExp(`/work-orders/${original.id}$`));
    await expect.poll(() => page.getByTestId('work-order-title').textContent()).toBe(original.title);
    expect(await stateOnPage(page)).toBe('已受理');
    // The order it went into is still being handled: it can be dispatched.
    expect(await page.getByTestId('step-dispatch').count()).toBe(1);
    // …and lists the duplicate, linking back to it.
    const back = page.getByTestId(`duplicate-${duplicate.id}`);
    await expect.poll(() => back.textContent()).toBe(`${duplicate.trackingNo} · ${duplicate.title}`);
    expect(await page.getByTestId('duplicates').getByRole('link').count()).toBe(1);
    await back.click();
    await page.waitForURL(new RegExp(`/work-orders/${duplicate.id}$`));
    await expect.poll(() => page.getByTestId('work-order-title').textContent()).toBe(duplicate.title);
    expect(await stateOnPage(page)).toBe('已合并');
    await page.close();
  });
});
