import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstDescendant, getJson, type Me } from '../support/api.js';
import { launchBrowser, screenshot, signedInContext } from '../support/browser.js';
import { chooseOption, orderOf } from '../support/work-orders.js';

// The new order's page, not the form's own /work-orders/new.
const filedOrder = (url: URL) => /^\/work-orders\/[0-9a-z]+$/.test(url.pathname) && !url.pathname.endsWith('/new');

describe('staff enter a demand from their channel', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('a grid worker on a phone files a patrol report for a compound of the grid', async () => {
    const ctx = await signedInContext(browser, 'grid1', 'phone');
    const page = await ctx.newPage();
    const me = await getJson<Me>(page, '/api/me');
    const trail = await firstDescendant(page, me.roles[0]!.placeId, 'compound');
    const compound = trail[trail.length - 1]!;

    await page.goto('/work-orders');
    await page.getByTestId('file-demand').click();
    const form = page.getByTestId('file-demand-form');
    await form.waitFor();
    // A grid worker may enter only patrol reports, so that is the one channel offered.
    expect(await form.locator('.ant-select-content, .ant-select-selection-item').first().textContent()).toContain('网格巡查');
    await page.getByTestId('file-place').click();
    await page.keyboard.type(compound.name);
    await chooseOption(page, `${compound.name} · 小区`);
    await page.getByTestId('file-category').click();
    await chooseOption(page);
    await form.getByLabel('标题').fill('小区北门井盖缺失');
    await form.getByLabel('问题描述').fill('巡查发现北门人行道井盖缺失,已设临时围挡。');
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
    await page.getByTestId('file-place').click();
    await page.keyboard.type(building.placeName);
    await chooseOption(page, `${building.placeName} · 楼栋`);
    await page.getByTestId('file-category').click();
    await chooseOption(page);
    await form.getByLabel('标题').fill('三单元楼道堆放杂物');
    await form.getByLabel('问题描述').fill('信箱收到住户来信:三单元一楼楼道堆放纸箱,影响通行。');
    await form.getByLabel('反映人').fill('王阿姨');
    await form.getByLabel('联系电话').fill('13600002222');
    await page.getByTestId('file-submit').click();
    await page.waitForURL(filedOrder);
    expect(await page.getByTestId('work-order-title').textContent()).toBe('三单元楼道堆放杂物');
    expect(await page.getByText('楼长信箱').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('reporter-phone-masked').textContent()).toBe('136****2222');
    await ctx.close();
  });
});
