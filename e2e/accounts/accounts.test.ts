import { request, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, type Me } from '../support/api.js';
import { baseUrl, launchBrowser, saveDialog, settled, signedInContext } from '../support/browser.js';
import { beijiangGrids, runTag } from '../support/places.js';
import { chooseOption } from '../support/work-orders.js';

describe('accounts', () => {
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  const username = `e2e_${runTag()}`;
  const password = 'Welcome!2026';
  beforeAll(async () => {
    browser = await launchBrowser();
    ctx = await signedInContext(browser, 'admin');
    page = await ctx.newPage();
  });
  afterAll(async () => browser?.close());

  const signInAs = async (user: string, pass: string) => {
    const api = await request.newContext({ baseURL: baseUrl() });
    const res = await api.post('/api/auth/login', { data: { username: user, password: pass } });
    const me = res.ok() ? await getJson<Me>(api, '/api/me') : null;
    await api.dispose();
    return { status: res.status(), me };
  };

  it('lists the users in scope and creates a grid worker bound to a grid', async () => {
    const grid = (await beijiangGrids(page))[2]!;
    await page.goto('/places');
    await page.getByRole('menuitem', { name: /账号管理/ }).click();
    await page.waitForURL(/\/accounts$/);
    const table = page.getByTestId('users-table');
    await table.getByRole('cell', { name: 'grid1', exact: true }).waitFor();

    await page.getByTestId('user-create').click();
    const form = page.getByTestId('user-form');
    await settled(page.locator('.ant-modal').filter({ has: form }));
    await form.getByLabel('用户名').fill(username);
    await form.getByLabel('姓名').fill('测试网格员');
    await form.getByLabel('初始密码').fill(password);
    const binding = form.getByTestId('role-binding').first();
    await binding.locator('.ant-select').first().click();
    await chooseOption(page, /^网格员$/);
    await binding.locator('.ant-select').nth(1).click();
    await page.keyboard.type(grid.name);
    await chooseOption(page, grid.name);
    await saveDialog(page, form);

    await page.getByTestId('user-search').locator('input').fill(username);
    await page.keyboard.press('Enter');
    const row = table.locator('tbody tr.ant-table-row').filter({ hasText: username });
    await row.waitFor();
    expect(await row.textContent()).toContain(`网格员 · ${grid.name}`);

    const first = await signInAs(username, password);
    expect(first.status).toBe(200);
    expect(first.me?.roles).toEqual([expect.objectContaining({ role: 'grid_worker', placeId: grid.id })]);
  });

  it('disables the account, after which it cannot sign in', async () => {
    await page.getByTestId(`user-edit-${username}`).click();
    const form = page.getByTestId('user-form');
    await settled(page.locator('.ant-modal').filter({ has: form }));
    await form.getByRole('switch').click();
    await saveDialog(page, form);
    const row = page.getByTestId('users-table').locator('tbody tr.ant-table-row').filter({ hasText: username });
    await row.filter({ hasText: '已停用' }).waitFor();
    expect((await signInAs(username, password)).status).toBe(401);
  });

  it('is not offered to a grid worker', async () => {
    const gridCtx = await signedInContext(browser, 'grid1');
    const gridPage = await gridCtx.newPage();
    await gridPage.goto('/places');
    await gridPage.getByTestId('place-name').waitFor();
    expect(await gridPage.getByRole('menuitem', { name: /账号管理/ }).count()).toBe(0);
    await gridPage.goto('/accounts');
    await gridPage.waitForURL(/\/workbench$/);
    await gridCtx.close();
  });
});
