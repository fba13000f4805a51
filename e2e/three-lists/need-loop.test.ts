import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstDescendant, getJson, type Me } from '../support/api.js';
import { launchBrowser, newContext, screenshot, signedInContext } from '../support/browser.js';
import { freshPhone, pickCompound, PNG, signInResident } from '../support/work-orders.js';

// 点单、派单、接单、评单: a resident reports a need with a photo on a 390 px phone; 北江社区's worker publishes it, sees the suggested
// resources with their reasons and dispatches it to 三水区人民医院's; the hospital's contact (gongjian) takes it and
// delivers it with a photo; the resident rates it.
describe('a resident’s need goes round the three-lists loop', () => {
  let browser: Browser;
  let resident: BrowserContext;
  let residentPage: Page;
  let office: BrowserContext;
  let unit: BrowserContext;
  let compound: { id: string; name: string };
  let needId = '';
  const title = `老人需要上门量血压 ${Date.now().toString(36).slice(-4)}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    office = await signedInContext(browser, 'beijiang');
    unit = await signedInContext(browser, 'gongjian');
    const grid = await signedInContext(browser, 'grid1');
    const gridMe = await getJson<Me>(grid.request, '/api/me');
    const trail = await firstDescendant(grid.request, gridMe.roles[0]!.placeId, 'compound');
    compound = trail[trail.length - 1]!;
    await grid.close();
    resident = await newContext(browser, 'phone');
    residentPage = await resident.newPage();
  });
  afterAll(async () => browser?.close());

  it('the resident reports a need (提需求) on a phone', async () => {
    const page = residentPage;
    await signInResident(page, freshPhone());
    await page.getByTestId('h5-needs').click();
    await page.getByTestId('h5-need-form').waitFor();
    await pickCompound(page, compound.name, new RegExp(`^${compound.name} · 北江社区`));
    await page.getByTestId('h5-need-category').selectOption({ label: '健康医疗' });
    await page.getByTestId('h5-need-title').fill(title);
    await page.getByTestId('h5-need-description').fill('独居老人行动不便,希望医生每周上门量一次血压。');
    await page.locator('input[type=file]').setInputFiles({ name: 'home.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('h5-photo').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'three-lists-h5-need');
    await page.getByTestId('h5-need-submit').click();
    await page.getByTestId('h5-need-submitted').waitFor();
    const mine = await getJson<{ items: { id: string; title: string; state: string }[] }>(resident.request, '/api/h5/needs');
    const need = mine.items.find((n) => n.title === title)!;
    expect(need.state).toBe('reported');
    needId = need.id;
  });

  it('the community publishes it, sees why the hospital’s resource is suggested and dispatches to it', async () => {
    const page = await office.newPage();
    await page.goto(`/needs/${needId}`);
    // The photo the resident took is on the need's page.
    await page.getByTestId('need-photo').first().waitFor();
    await page.getByTestId('need-publish').click();
    await expect.poll(() => page.getByTestId('need-state').textContent()).toBe('待派单');
    const suggestion = page.getByTestId('need-suggestions').locator('[data-testid="suggestion"][data-unit="三水区人民医院"]').first();
    await expect.poll(() => suggestion.getByTestId('suggestion-reasons').textContent()).toContain('类别相符(健康医疗)');
    expect(await suggestion.getByTestId('suggestion-reasons').textContent()).toContain('服务本社区(北江社区)');
    // When the resource serves and on what terms.
    expect(await suggestion.getByTestId('suggestion-terms').textContent()).toMatch(/服务时间: .+ · 服务条件: .+/);
    await screenshot(page, 'three-lists-suggestions');
    await suggestion.getByTestId('suggestion-dispatch').click();
    await expect.poll(() => page.getByTestId('need-state').textContent()).toBe('待接单');
    expect(await page.getByTestId('need-unit').textContent()).toBe('三水区人民医院');
    await page.close();
  });

  it('the unit’s contact takes it and delivers it with a record and a photo', async () => {
    const page = await unit.newPage();
    await page.goto('/needs');
    await page.locator('[data-testid="need-row"]').filter({ hasText: title }).getByRole('link').click();
    await page.getByTestId('need-take').click();
    await expect.poll(() => page.getByTestId('need-state').textContent()).toBe('服务中');
    await page.getByTestId('need-deliver').click();
    await page.getByTestId('need-note').fill('医生已上门测量血压,并建立随访档案。');
    await page.locator('.ant-modal input[type=file]').setInputFiles({ name: 'visit.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('.ant-upload-list-item').first().waitFor();
    await page.getByTestId('need-step-ok').click();
    await expect.poll(() => page.getByTestId('need-state').textContent()).toBe('待评价');
    await page.getByTestId('need-photo').first().waitFor();
    await screenshot(page, 'three-lists-delivered');
    await page.close();
  });

  it('the resident rates it on the phone', async () => {
    const page = residentPage;
    await page.goto(`/h5/needs/${needId}`);
    await expect.poll(() => page.getByTestId('need-delivery').textContent()).toContain('医生已上门');
    await page.getByTestId('need-rate').click();
    await page.getByTestId('need-rating-input').fill('4');
    await page.getByTestId('need-comment').fill('医生很耐心');
    await page.getByTestId('need-step-ok').click();
    await expect.poll(() => page.getByTestId('need-state').textContent()).toBe('已评价');
    expect(await page.getByTestId('need-rating').textContent()).toBe('★★★★');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'three-lists-rated');
  });
});
