import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, type Me } from '../support/api.js';
import { launchBrowser, screenshot, signedInContext } from '../support/browser.js';
import { filePatrolReport, stepVia } from '../support/work-orders.js';


interface Page { items: { id: string; entityId: string; readAt: string | null }[]; nextCursor: string | null }

// The bell shows twenty at a time; older ones come with “load more”, in the order the API pages them.
describe('the notification list pages', () => {
  let browser: Browser;
  let grid: BrowserContext;
  /** All of grid2's notifications, newest first, walked through the API's pages. */
  let all: Page['items'] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    grid = await signedInContext(browser, 'grid2');
    const office = await signedInContext(browser, 'beijiang');
    const me = await getJson<Me>(grid.request, '/api/me');
    // 23 orders dispatched to grid2: a notification each, more than one page.
    for (let i = 0; i < 23; i++) {
      const order = await filePatrolReport(grid.request, `消防通道堵塞第${i + 1}处`);
      await stepVia(office.request, order.id, 'accept');
      await stepVia(office.request, order.id, 'dispatch', { assignee: { kind: 'user', id: me.user.id } });
    }
    await office.close();
    let cursor: string | null = null;
    do {
      const page: Page = await getJson<Page>(grid.request, `/api/notifications?limit=7${cursor ? `&before=${encodeURIComponent(cursor)}` : ''}`);
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
  });
  afterAll(async () => browser?.close());

  it('shows the newest twenty, then the rest on “load more”, and opens an older one', async () => {
    expect(all.length).toBeGreaterThanOrEqual(23);
    expect(all.length).toBeLessThanOrEqual(40);
    const page = await grid.newPage();
    await page.goto('/work-orders');
    await page.getByRole('button', { name: '消息' }).click();
    const shown = page.getByTestId('notification');
    const ids = () => shown.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    await expect.poll(() => shown.count()).toBe(20);
    expect(await ids()).toEqual(all.slice(0, 20).map((n) => n.id));

    await page.getByTestId('notifications-more').click();
    await expect.poll(() => shown.count()).toBe(all.length);
    expect(await ids()).toEqual(all.map((n) => n.id));
    expect(await page.getByTestId('notifications-more').count()).toBe(0);
    await screenshot(page, 'notifications-more');

    // One from the second page opens its order and is read from then on.
    const older = all[all.length - 1]!;
    await shown.last().click();
    await page.waitForURL(new RegExp(`/work-orders/${older.entityId}$`));
    const after = await getJson<Page>(grid.request, '/api/notifications?limit=100');
    expect(after.items.find((n) => n.id === older.id)!.readAt).not.toBeNull();
    await page.close();
  });
});
