import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childrenOf, getJson } from '../support/api.js';
import { launchBrowser, signedInContext } from '../support/browser.js';
import { beijiangGrids, runTag, waitForPlace } from '../support/places.js';
import { chooseOption } from '../support/work-orders.js';

describe('creating a compound', () => {
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    ctx = await signedInContext(browser, 'admin');
    page = await ctx.newPage();
  });
  afterAll(async () => browser?.close());

  it('adds a three-no compound under a grid; it shows in the children table and the tree', async () => {
    const grid = (await beijiangGrids(page))[1]!;
    const name = `测试小区${runTag()}`;
    await page.goto(`/places/${grid.id}`);
    await waitForPlace(page, grid.name);

    await page.getByTestId('place-create').click();
    const form = page.getByTestId('place-form');
    await form.getByLabel('名称').fill(name);
    await form.getByTestId('compound-type').click();
    // Chosen until the dropdown has closed: a click lost while it opened would leave it over the switch below.
    await chooseOption(page, '无物业小区');
    await form.getByTestId('three-no').click();
    await form.getByLabel('地址').fill('北江路88号');
    await page.getByRole('button', { name: /保\s*存/ }).click();

    await page.getByTestId('children-table').getByRole('link', { name, exact: true }).waitFor();
    const created = (await childrenOf(page, grid.id)).find((p) => p.name === name);
    expect(created).toBeTruthy();
    const detail = await getJson<{ place: { compoundType: string; threeNo: boolean; addressMasked: string } }>(page, `/api/places/${created!.id}`);
    expect(detail.place).toMatchObject({ compoundType: 'no_property_management', threeNo: true });
    expect(detail.place.addressMasked).not.toContain('88号');

    // The grid is open in the tree, so the new compound appears there too; clicking it opens it.
    await page.getByTestId(`tree-node-${created!.id}`).click();
    await waitForPlace(page, name);
    const header = await page.getByTestId('place-header').textContent();
    expect(header).toContain('三无');
    expect(header).toContain('无物业小区');
  });

  it('refuses an empty name in the form without calling the server', async () => {
    const grid = (await beijiangGrids(page))[1]!;
    await page.goto(`/places/${grid.id}`);
    await waitForPlace(page, grid.name);
    const before = (await childrenOf(page, grid.id)).length;
    await page.getByTestId('place-create').click();
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByTestId('place-form').locator('.ant-form-item-explain-error').first().waitFor();
    expect((await childrenOf(page, grid.id)).length).toBe(before);
  });
});
