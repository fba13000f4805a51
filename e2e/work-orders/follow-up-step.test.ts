import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signedInContext } from '../support/browser.js';
import { eventsOf, filePatrolReport, stateOnPage, stepVia, takenBy, takeStep } from '../support/work-orders.js';

// The office's follow-up (回访) of a resolved order, from the order page's button; the timeline names the step as the button does.
describe('the office follows up a resolved order from its page', () => {
  let browser: Browser;
  let office: BrowserContext;
  let orderId = '';
  beforeAll(async () => {
    browser = await launchBrowser();
    office = await signedInContext(browser, 'beijiang');
    const grid = await signedInContext(browser, 'grid1');
    orderId = (await filePatrolReport(grid.request, `垃圾满溢-${Date.now().toString(36).slice(-5)}`)).id;
    await takenBy(office.request, grid.request, orderId);
    await stepVia(grid.request, orderId, 'resolve', { result: '已清运' });
    await grid.close();
  });
  afterAll(async () => browser?.close());

  it('takes the follow-up step with its note, and the timeline calls it what the button does', async () => {
    const page = await office.newPage();
    await page.goto(`/work-orders/${orderId}`);
    const button = page.getByTestId('step-follow_up');
    const label = (await button.textContent())!.replace(/\s/g, '');
    expect(label).toBe('回访');
    await takeStep(page, 'follow_up', () => page.getByLabel('回访情况').fill('电话回访,居民确认已清运'));
    await expect.poll(() => stateOnPage(page)).toBe('已回访');
    expect((await eventsOf(page, orderId)).at(-1)).toMatchObject({ action: 'follow_up', to: { note: '电话回访,居民确认已清运' } });
    await page.getByTestId('open-timeline').click();
    const last = page.getByTestId('timeline-event').last();
    await expect.poll(() => last.textContent()).toContain('电话回访,居民确认已清运');
    expect(await last.textContent()).toMatch(new RegExp(`\\) ${label}`));
    await page.close();
  });
});
