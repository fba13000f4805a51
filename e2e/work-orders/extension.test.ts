import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '../support/api.js';
import { launchBrowser, screenshot, signedInContext } from '../support/browser.js';
import { eventsOf, filePatrolReport, openStep, orderOf, stepVia, submitStep, takenBy, type FiledOrder } from '../support/work-orders.js';


interface Extensions { order: { resolveDue: string }; extensions: { id: string; days: number; reason: string; state: string }[] }

/** A time as the page shows it to someone in Beijing: 2026-12-02 05:43:01. */
const shown = (iso: string) => new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
}).format(new Date(iso));

const DAY = 86_400_000;
const BEIJING = 8 * 3600_000;

/** Working days from one deadline to the next at the same time of day, counted in Beijing on the district's calendar. */
async function workingDaysBetween(ctx: Page, from: string, to: string): Promise<number> {
  const { items } = await getJson<{ items: { day: string; workday: number | boolean }[] }>(ctx, '/api/holidays');
  const special = new Map(items.map((h) => [h.day, Boolean(h.workday)]));
  const working = (ms: number) => special.get(new Date(ms + BEIJING).toISOString().slice(0, 10)) ?? ![0, 6].includes(new Date(ms + BEIJING).getUTCDay());
  expect((Date.parse(to) - Date.parse(from)) % DAY).toBe(0);
  expect(working(Date.parse(to))).toBe(true);
  let n = 0;
  for (let ms = Date.parse(from) + DAY; ms <= Date.parse(to); ms += DAY) if (working(ms)) n++;
  return n;
}

// The taker asks for more time with a reason; only the dispatcher's approval moves the deadline.
describe('an extension is asked for by the taker and decided by the dispatcher', () => {
  let browser: Browser;
  let grid: BrowserContext;
  let office: BrowserContext;
  let order: FiledOrder;
  let firstDue = '';
  let approvedDue = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    grid = await signedInContext(browser, 'grid1', 'phone');
    office = await signedInContext(browser, 'beijiang');
    order = await filePatrolReport(grid.request, `小区排水管破裂-${Date.now().toString(36).slice(-5)}`);
    await takenBy(office.request, grid.request, order.id);
    firstDue = (await orderOf(office.request, order.id)).order.resolveDue!;
  });
  afterAll(async () => browser?.close());

  it('grid1 on a phone asks for three more working days; the deadline waits for the decision', async () => {
    const page = await grid.newPage();
    await page.goto(`/work-orders/${order.id}`);
    await openStep(page, 'request_extension');
    await page.getByLabel('延期天数').fill('3');
    await page.getByLabel('理由').fill('需更换整段主管道,材料周五到货');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'phone-request-extension');
    await submitStep(page);

    const row = page.getByTestId('extension');
    await row.waitFor();
    expect(await row.getAttribute('data-state')).toBe('pending');
    expect(await row.textContent()).toContain('延期 3 个工作日');
    expect(await row.textContent()).toContain('需更换整段主管道,材料周五到货');
    expect(await page.getByTestId('resolve-due').textContent()).toBe(shown(firstDue));
    const detail = await getJson<Extensions>(page, `/api/work-orders/${order.id}`);
    expect(detail.extensions).toEqual([expect.objectContaining({ days: 3, reason: '需更换整段主管道,材料周五到货', state: 'pending' })]);
    expect(detail.order.resolveDue).toBe(firstDue);
    // A second request waits for the first to be decided.
    expect(await page.getByTestId('step-request_extension').count()).toBe(0);
    await page.close();
  });

  it('the dispatcher approves it and the deadline moves on by three working days', async () => {
    const page = await office.newPage();
    await page.goto(`/work-orders/${order.id}`);
    await openStep(page, 'decide_extension');
    expect(await page.getByTestId('extension-request').textContent()).toContain('延期 3 个工作日 · 需更换整段主管道');
    await submitStep(page);

    await expect.poll(() => page.getByTestId('extension').getAttribute('data-state')).toBe('approved');
    approvedDue = (await orderOf(page, order.id)).order.resolveDue!;
    expect(await workingDaysBetween(page, firstDue, approvedDue)).toBe(3);
    expect(await page.getByTestId('resolve-due').textContent()).toBe(shown(approvedDue));
    expect(await page.getByTestId('step-decide_extension').count()).toBe(0);
    const decided = (await eventsOf(page, order.id)).filter((e) => e.action === 'decide_extension');
    expect(decided).toEqual([expect.objectContaining({ from: expect.objectContaining({ resolveDue: firstDue }), to: expect.objectContaining({ approved: true, resolveDue: approvedDue }) })]);
    await page.close();
  });

  it('refuses another only with a reason, and the deadline stays where it was', async () => {
    await stepVia(grid.request, order.id, 'request-extension', { days: 2, reason: '居民不在家,需另约时间入户' });
    const page = await office.newPage();
    await page.goto(`/work-orders/${order.id}`);
    await openStep(page, 'decide_extension');
    const form = page.getByTestId('step-form-decide_extension');
    expect(await page.getByTestId('extension-request').textContent()).toContain('延期 2 个工作日');
    await form.getByText('不同意', { exact: true }).click();
    await page.getByTestId('step-submit').click();
    // Refusing asks for the reason the taker will read.
    await form.locator('.ant-form-item-explain-error').filter({ hasText: '必填' }).waitFor();
    await form.getByLabel('理由').fill('已延期一次,请按时办结');
    await screenshot(page, 'work-order-refuse-extension');
    await submitStep(page);

    const rows = page.getByTestId('extension');
    await expect.poll(async () => (await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).sort().join(',')).toBe('approved,refused');
    expect(await page.getByTestId('resolve-due').textContent()).toBe(shown(approvedDue));
    const detail = await getJson<Extensions>(page, `/api/work-orders/${order.id}`);
    expect(detail.order.resolveDue).toBe(approvedDue);
    expect(detail.extensions.find((e) => e.days === 2)!.state).toBe('refused');
    const refused = (await eventsOf(page, order.id)).filter((e) => e.action === 'decide_extension')[1]!;
    expect(refused).toMatchObject({ reason: '已延期一次,请按时办结', to: { approved: false, resolveDue: approvedDue } });

    // The taker hears of it.
    const { items } = await getJson<{ items: { entityId: string; text: { zh: string } }[] }>(grid.request, '/api/notifications');
    expect(items.filter((n) => n.entityId === order.id).map((n) => n.text.zh)).toEqual(expect.arrayContaining(['延期已批准', '延期未批准']));
    await page.close();
  });
});
