import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getJson, postJson, type Me } from '../support/api.js';
import { launchBrowser, newContext, signedInContext, signIn } from '../support/browser.js';
import { beijiangGrids, runTag } from '../support/places.js';

describe('sign-in page', () => {
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());
  beforeEach(async () => {
    await ctx?.close();
    ctx = await newContext(browser);
    page = await ctx.newPage();
  });

  it('sends a visitor who is not signed in to the login page', async () => {
    await page.goto('/places');
    await page.waitForURL(/\/login$/);
    await page.getByRole('button', { name: /登\s*录/ }).waitFor();
  });

  it('shows the server’s own message for a wrong password', async () => {
    await page.goto('/login');
    await page.getByLabel('用户名').fill('dangyuan');
    await page.getByLabel('密码').fill('not-the-password');
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
    await page.getByRole('button', { name: /登\s*录/ }).click();
    const res = await answer;
    expect(res.status()).toBe(401);
    const body = (await res.json()) as { message: { zh: string } };
    const alert = page.getByTestId('login-error');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(body.message.zh);
    expect(page.url()).toMatch(/\/login$/);
  });

  it('signs in, shows who is signed in, and signs out', async () => {
    await signIn(page, 'beijiang');
    const me = await getJson<Me>(page, '/api/me');
    const role = me.roles[0]!;
    expect(role.role).toBe('community_worker');
    expect(await page.getByTestId('workbench-place').textContent()).toBe(role.placeName);
    const userMenu = page.getByTestId('user-menu');
    expect(await userMenu.textContent()).toContain(me.user.displayName);
    expect(await userMenu.textContent()).toContain(`社区工作者 · ${role.placeName}`);

    await userMenu.click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.waitForURL(/\/login$/);
    expect((await page.request.get('/api/me')).status()).toBe(401);
  });

  it('changes the password from the header; the new one works and the old one no longer does', async () => {
    const admin = await signedInContext(browser, 'admin');
    const grid = (await beijiangGrids(await admin.newPage()))[0]!;
    const username = `pw_${runTag()}`;
    await postJson(admin.request, '/api/users', {
      username, displayName: '改密测试', password: 'First!Pass2026', roles: [{ role: 'grid_worker', placeId: grid.id }],
    });
    await admin.close();

    await signIn(page, username, 'First!Pass2026');
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '修改密码' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('当前密码').fill('First!Pass2026');
    await dialog.getByLabel('新密码', { exact: true }).fill('Second!Pass2026');
    await dialog.getByLabel('确认新密码').fill('Second!Pass2027');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('两次输入的新密码不一致').waitFor();
    await dialog.getByLabel('确认新密码').fill('Second!Pass2026');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.locator('.ant-message-notice').filter({ hasText: '密码已修改' }).waitFor();

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.waitForURL(/\/login$/);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill('First!Pass2026');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('login-error').waitFor();
    await signIn(page, username, 'Second!Pass2026');
  });
});
