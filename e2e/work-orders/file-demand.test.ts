import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstDescendant, getJson, type Me } from '../support/api.js';
import { launchBrowser, screenshot, signedInContext } from '../support/browser.js';
import { chooseOption, eventsOf, orderOf, PNG } from '../support/work-orders.js';

// The new order's page, not the form's own /work-orders/new.
const filedOrder = (url: URL) => /^\/work-orders\/[0-9a-z]+$/.test(url.pathname) && !url.pathname.endsWith('/new');

/** The filing form's place, category, title and description, as a person fills them in. */
async function fillDemand(page: Page, form: Locator, place: { name: string; level: string }, title: string, description: string) {
  await page.getByTestId('file-place').click();
  await page.keyboard.type(place.name);
  await chooseOption(page, `${place.name} · ${place.level}`);
  await page.getByTestId('file-category').click();
  await chooseOption(page);
  await form.getByLabel('标题').fill(title);
  await form.getByLabel('问题描述').fill(description);
}

/** A compound of the grid worker's grid. */
async function gridCompound(page: Page) {
  const me = await getJson<Me>(page, '/api/me');
  const trail = await firstDescendant(page, me.roles[0]!.placeId, 'compound');
  return { me, compound: trail[trail.length - 1]! };
}

describe('staff enter a demand from their channel', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('a grid worker on a phone files a patrol report for a compound of the grid', async () => {
    const ctx = await signedInContext(browser, 'grid1', 'phone');
    const page = await ctx.newPage();
    const { compound } = await gridCompound(page);

    await page.goto('/work-orders');
    await page.getByTestId('file-demand').click();
    const form = page.getByTestId('file-demand-form');
    await form.waitFor();
    // A grid worker may enter only patrol reports, so that is the one channel offered.
    expect(await form.locator('.ant-select-content, .ant-select-selection-item').first().textContent()).toContain('网格巡查');
    await fillDemand(page, form, { name: compound.name, level: '小区' }, '小区北门井盖缺失', '巡查发现北门人行道井盖缺失,已设临时围挡。');
    await screenshot(page, 'phone-file-demand');
    await page.getByTestId('file-submit').click();

    await page.waitForURL(filedOrder);
    const id = page.url().split('/').pop()!;
    expect(await page.getByTestId('work-order-title').textContent()).toBe('小区北门井盖缺失');
    const { order } = await orderOf(page, id);
    expect(order).toMatchObject({ state: 'received' });
    expect(await page.getByTestId('tracking-no').textContent()).toBe(order.trackingNo);
    expect(await page.getByText('网格巡查').count()).toBeGreaterThan(0);
    // Accepting is the office's step, not the grid worker's.
    expect(await page.getByTestId('step-accept').count()).toBe(0);
    await ctx.close();
  });

  it('a building head enters a mailbox demand for their building', async () => {
    const ctx = await signedInContext(browser, 'louzhang', 'phone');
    const page = await ctx.newPage();
    const building = (await getJson<Me>(page, '/api/me')).roles.find((r) => r.role === 'building_head')!;
    await page.goto('/work-orders/new');
    const form = page.getByTestId('file-demand-form');
    expect(await form.locator('.ant-select-content, .ant-select-selection-item').first().textContent()).toContain('楼长信箱');
    await fillDemand(page, form, { name: building.placeName, level: '楼栋' }, '三单元楼道堆放杂物', '信箱收到住户来信:三单元一楼楼道堆放纸箱,影响通行。');
    await form.getByLabel('反映人').fill('王阿姨');
    await form.getByLabel('联系电话').fill('13600002222');
    await page.getByTestId('file-submit').click();
    await page.waitForURL(filedOrder);
    expect(await page.getByTestId('work-order-title').textContent()).toBe('三单元楼道堆放杂物');
    expect(await page.getByText('楼长信箱').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('reporter-phone-masked').textContent()).toBe('136****2222');
    await ctx.close();
  });

  // On patrol he finds a problem, fixes it there and then, and files it with a photo: filed, taken on the spot and
  // resolved in one go, waiting for the community's follow-up.
  it('a grid worker on a phone files a patrol report with a photo that he handled on the spot: taken and resolved at once', async () => {
    const ctx = await signedInContext(browser, 'grid1', 'phone');
    const page = await ctx.newPage();
    const { me, compound } = await gridCompound(page);

    await page.goto('/work-orders/new');
    const form = page.getByTestId('file-demand-form');
    await form.waitFor();
    await fillDemand(page, form, { name: compound.name, level: '小区' }, '5栋楼道堆放杂物', '巡查发现5栋一楼楼道堆放纸箱,堵塞通道。');
    await form.locator('input[type=file]').setInputFiles({ name: 'before.png', mimeType: 'image/png', buffer: PNG });
    await expect.poll(() => form.locator('.ant-upload-list-item').count()).toBe(1);
    await page.getByTestId('file-on-spot').click();
    await page.getByTestId('file-on-spot-result').fill('已联系住户当场清走纸箱,楼道恢复通畅');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(page, 'phone-patrol-on-spot');
    await page.getByTestId('file-submit').click();

    await page.waitForURL(filedOrder);
    const id = page.url().split('/').pop()!;
    await expect.poll(() => page.getByTestId('work-order-detail').textContent()).toContain('已办结');
    const { order } = await orderOf(page, id);
    expect(order).toMatchObject({ state: 'resolved', assignee: { kind: 'user', id: me.user.id } });
    expect((await eventsOf(page, id)).map((e) => e.action)).toEqual(['file', 'add_photos', 'take_on_spot', 'resolve']);
    await expect.poll(() => page.getByTestId('work-order-detail').textContent()).toContain('已联系住户当场清走纸箱');
    await page.getByTestId('open-timeline').click();
    const shown = page.getByTestId('timeline-event');
    await expect.poll(() => shown.count()).toBe(4);
    const texts = await shown.allTextContents();
    expect(texts[2]).toContain('现场处置');
    expect(texts[3]).toContain('办结');
    expect(await page.getByTestId('timeline-photos').locator('img').count()).toBe(1);
    await ctx.close();
  });
});
