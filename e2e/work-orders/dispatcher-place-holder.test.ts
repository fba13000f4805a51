import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, type Me } from '../support/api.js';
import { launchBrowser, screenshot, signedInContext } from '../support/browser.js';
import { chooseOption, compoundOf, eventsOf, filePatrolReport, openStep, stepVia, submitStep, type FiledOrder } from '../support/work-orders.js';

// The community worker dispatches an order: the page says where the demand is and who holds it; before anyone takes
// it she re-dispatches it to herself and still sees who it went to.
describe('the dispatcher sees place and handler and re-dispatches', () => {
  let browser: Browser;
  let office: BrowserContext;
  let grid: BrowserContext;
  let order: FiledOrder;
  let compound: { id: string; name: string };
  let gridName = '';
  let officeName = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    office = await signedInContext(browser, 'beijiang');
    grid = await signedInContext(browser, 'grid1', 'phone');
    order = await filePatrolReport(grid.request, `楼道灯不亮-${Date.now().toString(36).slice(-5)}`);
    compound = await compoundOf(grid.request);
    gridName = (await getJson<Me>(grid.request, '/api/me')).user.displayName;
    officeName = (await getJson<Me>(office.request, '/api/me')).user.displayName;
    await stepVia(office.request, order.id, 'accept');
  });
  afterAll(async () => browser?.close());

  it('shows community › grid › compound as links, dispatches, then names the holder and the dispatcher', async () => {
    const page = await office.newPage();
    await page.goto(`/work-orders/${order.id}`);
    const place = page.getByTestId('order-place');
    await expect.poll(() => place.textContent()).toContain(`北江社区 › 北江社区第1网格 › ${compound.name}`);
    expect(await place.getByRole('link', { name: compound.name }).getAttribute('href')).toBe(`/places/${compound.id}`);
    expect(await page.getByTestId('deadline-accept').count()).toBe(1);
    await openStep(page, 'dispatch');
    await page.getByTestId('assignee-select').click();
    await chooseOption(page, '(grid1)');
    await submitStep(page);
    await expect.poll(() => page.getByTestId('order-holder').textContent()).toBe(`${gridName}(网格员)`);
    expect(await page.getByTestId('order-dispatcher').textContent()).toBe(officeName);
    expect(await page.getByTestId('deadline-contact').count()).toBe(1);
    await screenshot(page, 'work-order-place-and-holder');

    // The list has the place and the holder on the order's row.
    await page.goto(`/work-orders?tab=all&q=${order.trackingNo}`);
    const row = page.locator(`[data-testid="work-order-row"][data-id="${order.id}"]`);
    await row.waitFor();
    expect(await row.getByTestId('order-place').textContent()).toContain(compound.name);
    expect(await row.getByTestId('order-holder').textContent()).toBe(`${gridName}(网格员)`);
    expect(await page.getByTestId('work-order-total').textContent()).toBe('共 1 条');
    await page.close();
  });

  it('keeps each label of the detail page on one line on a phone', async () => {
    const page = await grid.newPage();
    await page.goto(`/work-orders/${order.id}`);
    await page.getByTestId('tracking-no').waitFor();
    // Lines a label's text takes: one rectangle per line of its text.
    const lines = await page.locator('.ant-descriptions-item-label').evaluateAll((labels) => labels.map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return { text: el.textContent, lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size };
    }));
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.filter((l) => l.lines > 1)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'phone-work-order-detail');
    await page.close();
  });

  it('re-dispatches the order nobody has taken, and the timeline keeps who it went to', async () => {
    const page = await office.newPage();
    await page.goto(`/work-orders/${order.id}`);
    await openStep(page, 'redispatch');
    await page.getByTestId('assignee-select').click();
    await chooseOption(page, '(beijiang)');
    await submitStep(page);
    await expect.poll(() => page.getByTestId('order-holder').textContent()).toBe(`${officeName}(社区工作者)`);
    expect((await eventsOf(page, order.id)).at(-1)!.action).toBe('redispatch');
    await page.getByTestId('open-timeline').click();
    const last = page.getByTestId('timeline-event').last();
    await expect.poll(() => last.textContent()).toContain(`承办人:${gridName}(网格员) → ${officeName}(社区工作者)`);
    expect(await last.textContent()).toContain(`${officeName}(社区工作者) 改派`);
    // grid1 no longer has it waiting.
    const phone = await grid.newPage();
    await phone.goto(`/work-orders?tab=mine&q=${order.trackingNo}`);
    await phone.locator('.ant-empty').waitFor();
    await phone.close();
    await page.close();
  });
});
