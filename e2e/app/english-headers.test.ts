import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signedInContext } from '../support/browser.js';

/** The words of the table headers that the browser broke across two lines (a word's text taking two line boxes). */
const brokenWords = (page: Page) => page.evaluate(() => [...document.querySelectorAll('.ant-table-thead th')].flatMap((th) => {
  const broken: string[] = [];
  const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const m of (node.textContent ?? '').matchAll(/\S+/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) broken.push(m[0]);
    }
  }
  return broken;
}));

// The district admin in English reads every staff table's headers whole: a header may wrap between words, never inside one.
describe('English table headers do not break mid-word', () => {
  let browser: Browser;
  let ctx: BrowserContext;
  beforeAll(async () => {
    browser = await launchBrowser();
    ctx = await signedInContext(browser, 'admin');
    expect((await ctx.request.put('/api/me/locale', { data: { locale: 'en' } })).ok()).toBe(true);
  });
  afterAll(async () => {
    await ctx?.request.put('/api/me/locale', { data: { locale: 'zh-CN' } });
    await browser?.close();
  });

  it.each([
    ['/work-orders?tab=all'], ['/work-orders?tab=mine'], ['/accounts'], ['/audit'], ['/rates'], ['/party-members'], ['/needs'], ['/resources'],
    ['/partner-units'], ['/categories'], ['/announcements'],
  ])('%s', async (path) => {
    const page = await ctx.newPage();
    await page.goto(path);
    await page.locator('.ant-table-thead th').first().waitFor();
    await page.locator('html[lang="en"]').waitFor();
    expect(await brokenWords(page)).toEqual([]);
    await page.close();
  });
});
