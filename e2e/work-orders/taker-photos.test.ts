import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '../support/api.js';
import { launchBrowser, screenshot, settled, signedInContext } from '../support/browser.js';
import { eventsOf, filePatrolReport, openStep, PNG, stateOnPage, submitStep, takenBy, type FiledOrder } from '../support/work-orders.js';


interface Photos { photos: { id: string; stage: string }[] }

// A grid worker photographs the work as it goes, from the order's page, not only when resolving it.
describe('the taker adds photos to an order they hold', () => {
  let browser: Browser;
  let grid: BrowserContext;
  let office: BrowserContext;
  let order: FiledOrder;

  beforeAll(async () => {
    browser = await launchBrowser();
    grid = await signedInContext(browser, 'grid1', 'phone');
    office = await signedInContext(browser, 'beijiang');
    order = await filePatrolReport(grid.request, `单元门禁损坏-${Date.now().toString(36).slice(-5)}`);
    await takenBy(office.request, grid.request, order.id);
  });
  afterAll(async () => browser?.close());

  it('is not offered to the office, which does not hold the order', async () => {
    const page = await office.newPage();
    await page.goto(`/work-orders/${order.id}`);
    await page.getByTestId('work-order-title').waitFor();
    expect(await stateOnPage(page)).toBe('办理中');
    expect(await page.getByTestId('add-photos').count()).toBe(0);
    await page.close();
  });

  it('uploads a photo from the detail page, then one more with the resolve form', async () => {
    const page = await grid.newPage();
    await page.goto(`/work-orders/${order.id}`);
    await page.getByTestId('add-photos').click();
    const dialog = await settled(page.locator('.ant-modal').filter({ hasText: '添加办理照片' }));
    expect(await dialog.textContent()).toContain('还可上传 6 张');
    // Nothing picked: the form says so and sends nothing.
    await page.getByTestId('add-photos-submit').click();
    await dialog.getByText('请选择照片').waitFor();
    await dialog.locator('input[type=file]').setInputFiles({ name: 'repair-1.png', mimeType: 'image/png', buffer: PNG });
    await dialog.locator('.ant-upload-list-item').first().waitFor();
    await screenshot(page, 'phone-add-photos');
    await page.getByTestId('add-photos-submit').click();
    await dialog.waitFor({ state: 'hidden' });

    const photos = page.locator('[data-testid=work-order-photo][data-stage=resolve]');
    await expect.poll(() => photos.count()).toBe(1);
    expect(await stateOnPage(page)).toBe('办理中');
    expect((await getJson<Photos>(page, `/api/work-orders/${order.id}`)).photos.map((p) => p.stage)).toEqual(['resolve']);

    await openStep(page, 'resolve');
    await page.getByLabel('办理结果').fill('已更换门禁读卡器,门禁恢复正常。');
    await page.getByTestId('step-form-resolve').locator('input[type=file]').setInputFiles({ name: 'repair-2.png', mimeType: 'image/png', buffer: PNG });
    await submitStep(page);
    await expect.poll(() => stateOnPage(page)).toBe('已办结');
    await expect.poll(() => photos.count()).toBe(2);
    // Resolved: the order is no longer held, so the button has gone.
    expect(await page.getByTestId('add-photos').count()).toBe(0);
    expect((await eventsOf(page, order.id)).map((e) => e.action)).toEqual(['file', 'accept', 'dispatch', 'take', 'add_photos', 'add_photos', 'resolve']);
    await page.close();
  });
});
