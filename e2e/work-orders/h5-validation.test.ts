import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext } from '../support/browser.js';
import { freshPhone, signInResident } from '../support/work-orders.js';

// A resident on a phone is told what is wrong with each field, and a refused form is not an error of the page.
describe('the H5 forms say what is wrong', () => {
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await newContext(browser, 'phone')).newPage();
    // Uncaught errors and unhandled promise rejections of the page both arrive here.
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });
  afterAll(async () => browser?.close());

  it('on sign-in: a short phone, then an empty form', async () => {
    await page.goto('/h5');
    const form = page.getByTestId('h5-sign-in');
    await form.getByLabel('手机号').fill('1390000');
    await page.getByTestId('h5-send-code').click();
    await form.getByText('请输入11位手机号码,如13900001234').waitFor();
    await form.getByLabel('手机号').fill('');
    await page.getByTestId('h5-sign-in-submit').click();
    await form.getByText('请输入手机号', { exact: true }).waitFor();
    await form.getByText('请输入短信中的6位数字验证码').waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('on filing: the empty form names what to pick and to write', async () => {
    await signInResident(page, freshPhone());
    await page.getByTestId('h5-submit').click();
    const form = page.getByTestId('h5-file-form');
    for (const message of ['请选择或搜索您所在的小区', '请选择问题分类', '请简单描述您遇到的问题']) await form.getByText(message).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(pageErrors).toEqual([]);
  });
});
