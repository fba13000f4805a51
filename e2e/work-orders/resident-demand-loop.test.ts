import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstDescendant, getJson, type Me } from '../support/api.js';
import { launchBrowser, newContext, screenshot, signedInContext } from '../support/browser.js';
import { chooseFirstCategory, chooseOption, freshPhone, openStep, orderOf, pickCompound, PNG, signInResident, submitStep, takeStep } from '../support/work-orders.js';


// One demand from a resident's phone through the office and the grid worker and back to the resident.
describe('a resident files on the H5 page and the order goes round the loop', () => {
  let browser: Browser;
  let resident: BrowserContext;
  let residentPage: Page;
  let staff: BrowserContext;
  let grid: BrowserContext;
  const phone = freshPhone();
  let compound: { id: string; name: string };
  let orderId = '';
  let trackingNo = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    staff = await signedInContext(browser, 'beijiang');
    grid = await signedInContext(browser, 'grid1', 'phone');
    const gridMe = await getJson<Me>(grid.request, '/api/me');
    const trail = await firstDescendant(grid.request, gridMe.roles[0]!.placeId, 'compound');
    compound = trail[trail.length - 1]!;
    resident = await newContext(browser, 'phone');
    residentPage = await resident.newPage();
  });
  afterAll(async () => browser?.close());

  it('signs in by SMS code, picks the compound, adds a photo and gets a tracking number', async () => {
    const page = residentPage;
    await signInResident(page, phone);
    await pickCompound(page, compound.name, new RegExp(`^${compound.name} · 北江社区`));
    expect(await page.getByTestId('h5-compound-chosen').textContent()).toMatch(new RegExp(`^${compound.name} · 北江社区`));
    await chooseFirstCategory(page);
    await page.getByLabel('问题描述').fill('楼道灯坏了一个星期,晚上很黑,老人上下楼不安全。');
    await page.locator('input[type=file]').setInputFiles({ name: 'light.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('h5-photo').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'h5-file-form');
    await page.getByTestId('h5-submit').click();

    trackingNo = (await page.getByTestId('h5-tracking-no').textContent())!.trim();
    expect(trackingNo).toMatch(/\d{6,}/);
    await screenshot(page, 'h5-submitted');
    const mine = await getJson<{ items: { id: string; trackingNo: string; state: string }[] }>(resident.request, '/api/h5/demands');
    const filed = mine.items.find((d) => d.trackingNo === trackingNo)!;
    expect(filed.state).toBe('received');
    orderId = filed.id;
    const detail = await getJson<{ photos: unknown[]; place: { id: string } }>(resident.request, `/api/h5/demands/${orderId}`);
    expect(detail.photos).toHaveLength(1);
    expect(detail.place.id).toBe(compound.id);
  });

  it('opens from a compound’s QR link with the compound already chosen', async () => {
    const page = await (await newContext(browser, 'phone')).newPage();
    await signInResident(page, freshPhone(), `/h5?place=${compound.id}`);
    await expect.poll(() => page.getByTestId('h5-compound').textContent()).toContain(compound.name);
    await page.context().close();
  });

  it('the community worker accepts it and dispatches it to grid1', async () => {
    const page = await staff.newPage();
    await page.goto(`/work-orders/${orderId}`);
    expect(await page.getByTestId('tracking-no').textContent()).toBe(trackingNo);
    expect(await page.getByTestId('work-order-photo').count()).toBe(1);
    await takeStep(page, 'accept');
    await expect.poll(() => page.getByTestId('state').first().textContent()).toBe('已受理');

    await openStep(page, 'dispatch');
    await page.getByTestId('assignee-select').click();
    // Offered: the workers over the compound, the grid's and the community's (other tests may add community workers);
    // not the other grid's.
    const offered = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    const usernames = async () => (await offered.allTextContents()).map((o) => /\((\w+)\)/.exec(o)?.[1]);
    await expect.poll(async () => (await usernames()).filter((u) => u === 'beijiang' || u === 'grid1').sort().join(',')).toBe('beijiang,grid1');
    expect(await usernames()).not.toContain('grid2');
    await chooseOption(page, '(grid1)');
    await submitStep(page);
    await expect.poll(() => page.getByTestId('state').first().textContent()).toBe('已派单');
    await screenshot(page, 'work-order-dispatched');
    const gridMe = await getJson<Me>(grid.request, '/api/me');
    expect((await orderOf(page, orderId)).order.assignee).toMatchObject({ kind: 'user', id: gridMe.user.id });
    await page.close();
  });

  it('grid1 on a phone finds it waiting, takes it and resolves it', async () => {
    const page = await grid.newPage();
    await page.goto('/work-orders');
    const card = page.getByTestId('work-order-card').filter({ hasText: trackingNo });
    await card.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'phone-work-order-inbox');
    // The dispatch also rang the bell in the header; its notification opens the order.
    expect(Number(await page.getByTestId('notification-badge').locator('.ant-badge-count').getAttribute('title'))).toBeGreaterThan(0);
    await page.getByRole('button', { name: '消息' }).click();
    await page.getByTestId('notification').filter({ hasText: '楼道灯坏了' }).first().click();
    await page.waitForURL(new RegExp(`/work-orders/${orderId}$`));
    await takeStep(page, 'take');
    await expect.poll(() => page.getByTestId('state').first().textContent()).toBe('办理中');
    await takeStep(page, 'resolve', () => page.getByLabel('办理结果').fill('已联系物业更换楼道灯,现已恢复照明。'));
    await expect.poll(() => page.getByTestId('state').first().textContent()).toBe('已办结');
    await screenshot(page, 'phone-work-order-resolved');
    await page.close();
  });

  it('the resident rates it “not satisfied” and sees it reopened; staff see it dispatched again', async () => {
    const page = residentPage;
    await page.goto(`/h5/demands/${orderId}`);
    const rate = page.getByTestId('h5-rate');
    const shownResult = page.getByTestId('h5-demand').getByTestId('h5-fact').filter({ hasText: '办理结果' });
    await rate.waitFor();
    expect(await shownResult.textContent()).toContain('已联系物业更换楼道灯');
    await rate.getByLabel('不满意').check();
    await rate.getByLabel('评价意见(可选)').fill('只换了一个灯,三楼还是黑的');
    await page.getByTestId('h5-rate-submit').click();
    await expect.poll(() => page.getByTestId('h5-state').textContent()).toBe('已派单');
    const rated = page.getByTestId('h5-step').filter({ hasText: '已评价' });
    expect(await rated.textContent()).toContain('不满意');
    expect(await rated.textContent()).toContain('已重新交办');
    expect(await page.getByTestId('h5-rate').count()).toBe(0);
    // Handled again: the old result is no longer shown as the answer, only in the step that gave it.
    expect(await shownResult.count()).toBe(0);
    expect(await page.getByTestId('h5-step').filter({ hasText: '已办结' }).textContent()).toContain('已联系物业更换楼道灯');
    await screenshot(page, 'h5-reopened');

    const office = await staff.newPage();
    await office.goto(`/work-orders/${orderId}`);
    await expect.poll(() => office.getByTestId('state').first().textContent()).toBe('已派单');
    expect(await office.getByText('重办 1 次').count()).toBe(1);
    expect((await orderOf(office, orderId)).order).toMatchObject({ state: 'dispatched', reopenCount: 1 });
  });
});
