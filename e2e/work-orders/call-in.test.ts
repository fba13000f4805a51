import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '../support/api.js';
import { launchBrowser, screenshot, signedInContext } from '../support/browser.js';
import { eventsOf, filePatrolReport, openStep, orderOf, pickMany, stateOnPage, submitStep, takenBy, type FiledOrder } from '../support/work-orders.js';


interface Units { units: { id: string; name: string; reportedAt: string | null; part: string | null }[] }

// 吹哨报到: the street calls a department and a partner unit in on an order grid1 holds; each reports in with its part,
// and the order is resolved only by its lead, grid1, once both have.
describe('the street calls units in and each reports in before the lead resolves', () => {
  let browser: Browser;
  let street: BrowserContext;
  let grid: BrowserContext;
  let order: FiledOrder;
  const title = `商铺占道堆放建材-${Date.now().toString(36).slice(-5)}`;
  const parts = {
    城管执法中队: '已责令商铺当日清理占道建材,并立案处罚。',
    三水区人民医院: '已安排医护人员为受伤老人上门换药。',
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    street = await signedInContext(browser, 'xinan');
    grid = await signedInContext(browser, 'grid1', 'phone');
    const office = await signedInContext(browser, 'beijiang');
    order = await filePatrolReport(grid.request, title);
    await takenBy(office.request, grid.request, order.id);
    await office.close();
  });
  afterAll(async () => browser?.close());

  /** A called unit's contact opens the order from the bell and reports in with what the unit did. */
  async function reportIn(page: Page, unit: keyof typeof parts) {
    // 待我处理 (the default tab) lists the order while the unit has not reported in; searched by its number,
    // as a unit may have many orders waiting.
    const mine = `/work-orders?tab=mine&q=${order.trackingNo}`;
    await page.goto(mine);
    // A row on a desktop, a card on a phone.
    const inbox = page.locator(`[data-testid="work-order-row"][data-id="${order.id}"], [data-testid="work-order-card"][data-id="${order.id}"]`);
    await inbox.waitFor();
    await page.goto('/work-orders');
    await page.getByRole('button', { name: '消息' }).click();
    await page.getByTestId('notification').filter({ hasText: `吹哨报到:${title}` }).first().click();
    await page.waitForURL(new RegExp(`/work-orders/${order.id}$`));
    const row = page.getByTestId('called-unit').filter({ hasText: unit });
    await row.getByTestId('unit-pending').waitFor();
    await openStep(page, 'report_in');
    await page.getByLabel('本单位承办情况').fill(parts[unit]);
    await submitStep(page);
    await expect.poll(() => row.getByTestId('unit-part').textContent()).toBe(parts[unit]);
    expect(await row.getByTestId('unit-reported').count()).toBe(1);
    // A unit reports in once: the button is gone, and so is the order from 待我处理.
    expect(await page.getByTestId('step-report_in').count()).toBe(0);
    await page.goto(mine);
    await page.locator('.ant-empty').waitFor();
    expect(await inbox.count()).toBe(0);
    await page.goto(`/work-orders/${order.id}`);
    // Reporting in is the unit's part; the order stays with its lead.
    expect(await stateOnPage(page)).toBe('办理中');
  }

  it('the street picks a department and a partner unit in one call-in', async () => {
    const page = await street.newPage();
    await page.goto(`/work-orders/${order.id}`);
    await openStep(page, 'call_in');
    // A multiple choice: the list stays open for the second unit, and a click on the form's title closes it.
    await page.getByTestId('call-in-units').click();
    // The list is long (departments and every partner unit) and virtual: type to find each, as a user would.
    await pickMany(page, page.getByTestId('call-in-units'), ['城管执法中队', '三水区人民医院']);
    await page.locator('.ant-modal-title').click();
    await page.getByLabel('理由').fill('占道堆放建材致老人摔伤,需城管与医院联合处置');
    await screenshot(page, 'work-order-call-in-form');
    await submitStep(page);

    const rows = page.getByTestId('called-unit');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.getByTestId('unit-pending').count()).toBe(2);
    expect(await stateOnPage(page)).toBe('办理中');
    const { units } = await getJson<Units>(page, `/api/work-orders/${order.id}`);
    expect(units.map((u) => u.name).sort()).toEqual(['三水区人民医院', '城管执法中队']);
    expect(units.every((u) => u.reportedAt === null)).toBe(true);
    const callIn = (await eventsOf(page, order.id)).find((e) => e.action === 'call_in')!;
    expect(callIn.reason).toBe('占道堆放建材致老人摔伤,需城管与医院联合处置');
    expect((callIn.to!.units as string[]).sort()).toEqual(units.map((u) => u.id).sort());

    // Both are on the order now: the form offers neither again.
    await openStep(page, 'call_in');
    await page.getByTestId('call-in-units').click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    const search = page.getByTestId('call-in-units').locator('input');
    await search.fill('住建办');
    await options.filter({ hasText: '住建办' }).first().waitFor();
    for (const called of ['城管执法中队', '三水区人民医院']) {
      await search.fill(called);
      await expect.poll(() => options.filter({ hasText: called }).count()).toBe(0);
    }
    await page.locator('.ant-modal-title').click();
    await page.getByRole('button', { name: /取\s*消/ }).click();
    await page.close();
  });

  it('the department contact chengguan reports in from the notification', async () => {
    const ctx = await signedInContext(browser, 'chengguan');
    const page = await ctx.newPage();
    await reportIn(page, '城管执法中队');
    await screenshot(page, 'work-order-reported-in');
    await ctx.close();
  });

  it('the lead cannot resolve while the hospital has not reported in, and keeps what it typed', async () => {
    const page = await grid.newPage();
    await page.goto(`/work-orders/${order.id}`);
    await openStep(page, 'resolve');
    expect(await page.getByTestId('units-pending').textContent()).toContain('三水区人民医院');
    await page.getByLabel('办理结果').fill('建材已清理,路面恢复通行。');
    await page.getByTestId('step-submit').click();
    await page.locator('.ant-message').getByText('还有被召集单位未报到,牵头单位暂不能办结').waitFor();
    expect(await page.getByLabel('办理结果').inputValue()).toBe('建材已清理,路面恢复通行。');
    await page.getByRole('button', { name: /取\s*消/ }).click();
    expect((await orderOf(page, order.id)).order.state).toBe('taken');
    expect(await stateOnPage(page)).toBe('办理中');
    await page.close();
  });

  it('the partner unit reports in, then the lead resolves and the timeline holds every part', async () => {
    const ctx = await signedInContext(browser, 'gongjian', 'phone');
    await reportIn(await ctx.newPage(), '三水区人民医院');
    await ctx.close();

    const page = await grid.newPage();
    await page.goto(`/work-orders/${order.id}`);
    await expect.poll(() => page.getByTestId('unit-reported').count()).toBe(2);
    await openStep(page, 'resolve');
    expect(await page.getByTestId('units-pending').count()).toBe(0);
    await page.getByLabel('办理结果').fill('建材已清理,路面恢复通行,老人伤情稳定。');
    await submitStep(page);
    await expect.poll(() => stateOnPage(page)).toBe('已办结');
    await screenshot(page, 'phone-work-order-called-in-resolved');

    const { order: after } = await orderOf(street.request, order.id);
    expect(after.state).toBe('resolved');
    const { units } = await getJson<Units>(street.request, `/api/work-orders/${order.id}`);
    expect(Object.fromEntries(units.map((u) => [u.name, u.part]))).toEqual(parts);
    const events = await eventsOf(street.request, order.id);
    expect(events.map((e) => e.action)).toEqual(['file', 'accept', 'dispatch', 'take', 'call_in', 'report_in', 'report_in', 'resolve']);

    await page.getByTestId('open-timeline').click();
    const timeline = page.getByTestId('timeline-event');
    await expect.poll(() => timeline.count()).toBe(events.length);
    for (const part of Object.values(parts)) expect(await timeline.filter({ hasText: part }).count()).toBe(1);
    await page.close();
  });
});
