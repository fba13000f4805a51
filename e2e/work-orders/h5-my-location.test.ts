import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '../support/api.js';
import { launchBrowser, newContext, screenshot, signedInContext } from '../support/browser.js';
import { chooseFirstCategory, compoundOf, freshPhone, signInResident } from '../support/work-orders.js';

// 使用我的位置: the phone's geolocation (permission granted) proposes the compound it lies at; the resident confirms it.
describe('the H5 page proposes the compound at the phone’s location', () => {
  let browser: Browser;
  let phone: BrowserContext;
  let page: Page;
  let compound: { id: string; name: string };
  let at: [number, number];

  beforeAll(async () => {
    browser = await launchBrowser();
    // A compound of the demo street with its generated point, as the grid worker sees it.
    const grid1 = await signedInContext(browser, 'grid1');
    compound = await compoundOf(grid1.request);
    at = (await getJson<{ geometry: { coordinates: [number, number] } }>(grid1.request, `/api/places/${compound.id}/geometry`)).geometry.coordinates;
    await grid1.close();
    phone = await newContext(browser, 'phone');
    await phone.grantPermissions(['geolocation']);
    // About 10 m east of the compound's point.
    await phone.setGeolocation({ longitude: at[0] + 0.0001, latitude: at[1], accuracy: 10 });
    page = await phone.newPage();
  });
  afterAll(async () => browser?.close());

  it('proposes the compound, which the resident confirms and files on', async () => {
    await signInResident(page, freshPhone());
    await page.getByTestId('h5-use-location').click();
    const proposal = page.getByTestId('h5-location-proposal');
    await proposal.waitFor();
    expect(await proposal.textContent()).toContain(compound.name);
    await screenshot(page, 'h5-my-location');
    await page.getByTestId('h5-location-confirm').click();
    await expect.poll(() => page.getByTestId('h5-compound').textContent()).toContain(compound.name);
    await chooseFirstCategory(page);
    await page.getByLabel('问题描述').fill('小区门口的路灯不亮了。');
    await page.getByTestId('h5-submit').click();
    await page.getByTestId('h5-submitted').waitFor();
    const mine = await getJson<{ items: { id: string }[] }>(page, '/api/h5/demands');
    const filed = await getJson<{ place: { name: string } }>(page, `/api/h5/demands/${mine.items[0]!.id}`);
    expect(filed.place.name).toBe(compound.name);
  });

  it('says so when nothing is near, and the resident searches instead', async () => {
    await phone.setGeolocation({ longitude: 116.39, latitude: 39.9 });
    await page.goto('/h5');
    await page.getByTestId('h5-file-form').waitFor();
    await page.getByTestId('h5-use-location').click();
    await expect.poll(() => page.getByTestId('h5-location-failed').textContent()).toContain('附近没有找到小区');
  });
});
