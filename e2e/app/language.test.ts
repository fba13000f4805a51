import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, type Me } from '../support/api.js';
import { launchBrowser, signedInContext } from '../support/browser.js';

// A user of its own (street staff), so the language it keeps on the server does not leak into other tests.
describe('language switch', () => {
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    ctx = await signedInContext(browser, 'xinan');
    page = await ctx.newPage();
  });
  afterAll(async () => {
    await page?.request.put('/api/me/locale', { data: { locale: 'zh-CN' } });
    await browser?.close();
  });

  it('starts in Chinese, switches to English, and keeps it across a reload and on the account', async () => {
    await page.goto('/places');
    await page.getByTestId('place-name').waitFor();
    await page.getByRole('menuitem', { name: /地点/ }).waitFor();
    expect(await page.getByText('地点树').count()).toBe(1);
    // Each page has its own title, in the language shown.
    await expect.poll(() => page.title()).toBe('地点 - 一张网');

    const saved = page.waitForResponse((r) => r.url().endsWith('/api/me/locale') && r.request().method() === 'PUT');
    await page.getByText('English', { exact: true }).click();
    expect((await saved).ok()).toBe(true);
    await page.getByRole('menuitem', { name: /Places/ }).waitFor();
    await expect.poll(() => page.title()).toBe('Places - OneGrid');
    for (const label of ['Place tree', 'Accounts', 'Audit log', 'Timeline', 'Communities', 'Residents']) {
      await page.getByText(label, { exact: true }).first().waitFor();
    }
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect((await getJson<Me>(page, '/api/me')).user.locale).toBe('en');

    await page.reload();
    await page.getByText('Place tree', { exact: true }).waitFor();
    expect(await page.getByText('地点树').count()).toBe(0);

    await page.getByText('中文', { exact: true }).click();
    await page.getByText('地点树', { exact: true }).waitFor();
    expect((await getJson<Me>(page, '/api/me')).user.locale).toBe('zh-CN');
  });

  it('follows the language kept on the account in a browser that has not chosen one', async () => {
    await page.request.put('/api/me/locale', { data: { locale: 'en' } });
    const fresh = await signedInContext(browser, 'xinan');
    const other = await fresh.newPage();
    await other.goto('/places');
    await other.getByText('Place tree', { exact: true }).waitFor();
    await fresh.close();
  });
});
