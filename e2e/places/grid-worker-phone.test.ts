import { request, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childrenOf, getJson, type Me } from '../support/api.js';
import { baseUrl, launchBrowser, PASSWORD, screenshot, signedInContext } from '../support/browser.js';
import { waitForPlace } from '../support/places.js';

describe('a grid worker on a phone (390x844)', () => {
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  let me: Me;
  beforeAll(async () => {
    browser = await launchBrowser();
    ctx = await signedInContext(browser, 'grid1', 'phone');
    page = await ctx.newPage();
    me = await getJson<Me>(page, '/api/me');
  });
  afterAll(async () => browser?.close());

  it('lands on their own grid and walks down through the list of children', async () => {
    const grid = me.roles[0]!;
    expect(grid).toMatchObject({ role: 'grid_worker', placeLevel: 'grid' });
    await page.goto('/places');
    await page.waitForURL(new RegExp(`/places/${grid.placeId}$`));
    await waitForPlace(page, grid.placeName);

    // No tree on a phone: the children are a list, and the side menu is behind the menu button.
    expect(await page.locator('.ant-tree').count()).toBe(0);
    const children = await childrenOf(page, grid.placeId);
    await expect.poll(() => page.getByTestId('child-item').count()).toBe(Math.min(children.length, 30));
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(page, 'phone-grid-worker');

    await page.getByRole('button', { name: '菜单' }).click();
    const drawer = page.getByTestId('nav-drawer');
    await drawer.getByRole('menuitem', { name: /地点/ }).waitFor();
    // The workbench, the place tree, the work-order inbox, notices, the service sites of his grid, the party pages of his grid (read only, points and dual check-in too) and ledgers (the grid's
    // roster); no accounts, audit or rates for a grid worker.
    await drawer.getByRole('menuitem', { name: /接诉即办/ }).waitFor();
    expect((await drawer.getByRole('menuitem').allInnerTexts()).map((t) => t.trim())).toEqual(['工作台', '地点', '接诉即办', '通知公告', '需求清单', '资源清单', '共建单位', '服务阵地', '党组织', '党员', '党员岗位', '党员积分', '双报到', '联系我留言', '台账']);
    await page.keyboard.press('Escape');

    await page.getByTestId('child-item').first().click();
    await waitForPlace(page, children[0]!.name);
    await page.getByTestId('place-breadcrumb').getByRole('link', { name: grid.placeName }).click();
    await waitForPlace(page, grid.placeName);
  });

  it('reveals an ID number and adds a resident to a household, on the phone', async () => {
    const grid = me.roles[0]!;
    const listed = await getJson<{ items: { id: string; placeId: string; idNumberMasked: string | null }[] }>(
      page, `/api/residents?placeId=${grid.placeId}&limit=50`);
    const resident = listed.items.find((r) => r.idNumberMasked)!;
    const household = await getJson<{ place: { name: string } }>(page, `/api/places/${resident.placeId}`);
    await page.goto(`/places/${resident.placeId}`);
    await waitForPlace(page, household.place.name);
    await page.getByTestId('residents-cards').waitFor();

    await page.getByTestId(`id-${resident.id}-reveal`).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('理由').fill('入户走访核对身份');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    const value = (await page.getByTestId(`id-${resident.id}-value`).textContent())!.trim();
    expect(value).toMatch(/^\d{17}[\dX]$/);
    expect(value.slice(-4)).toBe(resident.idNumberMasked!.slice(-4));

    const before = await page.getByTestId('resident-card').count();
    await page.getByTestId('resident-add').click();
    const form = page.getByTestId('resident-form');
    await form.getByLabel('姓名').fill('网格新居民');
    await form.getByLabel('手机号').fill('13912345678');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByTestId('resident-card').count()).toBe(before + 1);
    const card = page.getByTestId('resident-card').filter({ hasText: '网格新居民' });
    expect(await card.textContent()).toContain('139****5678');
    await screenshot(page, 'phone-household');
  });

  it('gets “not found” when opening another grid’s page', async () => {
    // grid2 is the other grid worker of the same community; their grid is outside grid1's subtree.
    const other = await request.newContext({ baseURL: baseUrl() });
    const login = await other.post('/api/auth/login', { data: { username: 'grid2', password: PASSWORD } });
    expect(login.ok()).toBe(true);
    const otherGrid = (await getJson<Me>(other, '/api/me')).roles[0]!;
    await other.dispose();
    expect(otherGrid.placeId).not.toBe(me.roles[0]!.placeId);

    const api = await page.request.get(`/api/places/${otherGrid.placeId}`);
    expect(api.status()).toBe(404);
    const { message } = (await api.json()) as { message: { zh: string } };

    await page.goto(`/places/${otherGrid.placeId}`);
    const alert = page.getByTestId('place-not-found');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(message.zh);
    expect(await page.getByText(otherGrid.placeName).count()).toBe(0);
    await screenshot(page, 'phone-not-found');
  });
});
