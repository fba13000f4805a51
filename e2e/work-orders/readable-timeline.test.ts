import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, type Me } from '../support/api.js';
import { launchBrowser, screenshot, signedInContext } from '../support/browser.js';
import { eventsOf, filePatrolReport, orderOf, PNG, stepVia, type FiledOrder } from '../support/work-orders.js';

/** Latin words, snake_case keys, JSON or ids: what no one reading a Chinese timeline should meet. */
const RAW = /[A-Za-z_]{2,}|[{}"]|[0-9a-z]{16,}/;

// An order through every step a street office takes, then its timeline as the office reads it: every event a sentence
// in Chinese, with no key, id or JSON on the page.
describe('the timeline of an order through every step shows no raw key', () => {
  let browser: Browser;
  let office: BrowserContext;
  let street: BrowserContext;
  let grid: BrowserContext;
  let unit: BrowserContext;
  let order: FiledOrder;

  beforeAll(async () => {
    browser = await launchBrowser();
    [office, street, grid, unit] = await Promise.all([
      signedInContext(browser, 'beijiang'), signedInContext(browser, 'xinan'), signedInContext(browser, 'grid1'), signedInContext(browser, 'chengguan'),
    ]);
    const gridId = (await getJson<Me>(grid.request, '/api/me')).user.id;
    const unitId = (await getJson<{ items: { id: string; name: string }[] }>(office.request, '/api/units')).items.find((u) => u.name === '城管执法中队')!.id;
    order = await filePatrolReport(grid.request, `井盖松动-${Date.now().toString(36).slice(-5)}`);
    const o = (s: BrowserContext, step: string, body: Record<string, unknown> = {}) => stepVia(s.request, order.id, step, body);
    await o(office, 'accept');
    await o(office, 'dispatch', { assignee: { kind: 'user', id: gridId }, note: '请当天处理' });
    await o(office, 'recall', { reason: '派错网格' });
    await o(office, 'dispatch', { assignee: { kind: 'unit', id: unitId } });
    await o(office, 'redispatch', { assignee: { kind: 'user', id: gridId }, note: '改由网格员处理' });
    await o(grid, 'take');
    await o(grid, 'contact', { note: '已电话联系居民' });
    await o(grid, 'request-extension', { days: 2, reason: '需等待配件' });
    const requestId = (await getJson<{ extensions: { id: string }[] }>(office.request, `/api/work-orders/${order.id}`)).extensions[0]!.id;
    await o(office, 'decide-extension', { requestId, approve: true, reason: '同意延期' });
    await o(street, 'supervise', { reason: '请加快办理' });
    await o(street, 'call-in', { unitIds: [unitId], reason: '需城管协同' });
    await o(unit, 'report-in', { note: '已派人到场' });
    const photo = await grid.request.post(`/api/work-orders/${order.id}/photos`, { multipart: { photos: { name: 'done.png', mimeType: 'image/png', buffer: PNG } } });
    expect(photo.ok(), await photo.text()).toBe(true);
    await o(grid, 'resolve', { result: '已更换井盖' });
    await o(office, 'follow-up', { note: '居民确认已修好' });
    await o(office, 'rate', { rating: 'satisfied', comment: '处理及时' });
    expect((await orderOf(office.request, order.id)).order.state).toBe('closed');
  });
  afterAll(async () => browser?.close());

  it('reads every event as a sentence in Chinese', async () => {
    const events = await eventsOf(office.request, order.id);
    expect(events.map((e) => e.action)).toEqual([
      'file', 'accept', 'dispatch', 'recall', 'dispatch', 'redispatch', 'take', 'contact', 'request_extension', 'decide_extension',
      'supervise', 'call_in', 'report_in', 'add_photos', 'resolve', 'follow_up', 'rate',
    ]);
    const page = await office.newPage();
    await page.goto(`/work-orders/${order.id}`);
    await page.getByTestId('open-timeline').click();
    const shown = page.getByTestId('timeline-event');
    await expect.poll(() => shown.count()).toBe(events.length);
    const texts = (await shown.allTextContents()).map((t) => t.replaceAll(order.trackingNo, ''));
    expect(texts.filter((t) => RAW.test(t))).toEqual([]);
    // A dispatch note is a note; the step's actor is named with their role; photos are thumbnails.
    expect(texts[2]).toContain('备注:请当天处理');
    expect(texts[2]).toMatch(/\(社区工作者\) 派单/);
    expect(await page.getByTestId('timeline-photos').locator('img').count()).toBe(1);
    await screenshot(page, 'readable-timeline');
    await page.close();
  });
});
