import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { WAIT } from './wait.js';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
export const PASSWORD = 'OneGrid!2026';
export const screenshotDir = path.resolve(import.meta.dirname, '../screenshots');

export const baseUrl = () => inject('baseUrl');

/** Debian's chromium with a fresh profile (Playwright gives every launch its own temporary user-data-dir). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

/** A desktop context, or a 390x844 phone, in Chinese and Beijing time. */
export async function newContext(browser: Browser, device: 'desktop' | 'phone' = 'desktop'): Promise<BrowserContext> {
  const phone = device === 'phone';
  const ctx = await browser.newContext({
    baseURL: baseUrl(),
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: phone ? { width: 390, height: 844 } : { width: 1440, height: 900 },
    deviceScaleFactor: phone ? 2 : 1,
    isMobile: phone,
    hasTouch: phone,
    acceptDownloads: true,
  });
  ctx.setDefaultTimeout(WAIT);
  return ctx;
}

/** Signs in through the login page and waits for the staff workbench, where staff land. */
export async function signIn(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL(/\/workbench$/);
  await page.getByTestId('workbench-place').waitFor();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  // Let spinners finish and antd's fade transitions settle, so the picture shows the page as people see it.
  await page.locator('.ant-spin-spinning, .ant-skeleton').first().waitFor({ state: 'detached' }).catch(() => undefined);
  await page.waitForTimeout(500);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * A context already signed in as `username`. The first call signs in through the API and keeps the cookie
 * for later test files: sign-in is rate-limited per address, and the login page has its own test.
 */
export async function signedInContext(browser: Browser, username: string, device: 'desktop' | 'phone' = 'desktop'): Promise<BrowserContext> {
  const file = path.join(inject('stateDir'), `${username}.json`);
  if (!fs.existsSync(file)) {
    const ctx = await newContext(browser);
    const res = await ctx.request.post('/api/auth/login', { data: { username, password: PASSWORD } });
    if (!res.ok()) throw new Error(`sign-in of ${username} failed: ${res.status()} ${await res.text()}`);
    await ctx.storageState({ path: file });
    await ctx.close();
  }
  const ctx = await newContext(browser, device);
  const state = JSON.parse(fs.readFileSync(file, 'utf8')) as { cookies: Parameters<BrowserContext['addCookies']>[0] };
  await ctx.addCookies(state.cookies);
  return ctx;
}

/**
 * Waits for a dialog (or any element) to be shown and to have finished its opening animation. A click aimed while
 * antd's zoom is still running can land beside the button (on the mask, which closes the dialog) on a busy machine.
 * Endless animations (spinners) are not waited for.
 */
export async function settled(locator: Locator): Promise<Locator> {
  await locator.waitFor();
  await locator.evaluate((el) => Promise.all(el.getAnimations({ subtree: true })
    .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
    .map((a) => a.finished.catch(() => undefined))));
  return locator;
}

/**
 * Clicks the save button of the dialog holding `form` and waits for the dialog to close. A form that stays open with a
 * field's error or the server's refusal is the failure, named by that sentence, rather than a later wait for a row
 * that never comes.
 */
export async function saveDialog(page: Page, form: Locator): Promise<void> {
  const dialog = page.locator('.ant-modal').filter({ has: form });
  await dialog.getByRole('button', { name: /保\s*存|Save/ }).click();
  const closed = form.waitFor({ state: 'detached', timeout: WAIT }).then(() => null);
  const problem = dialog.locator('.ant-form-item-explain-error').or(page.locator('.ant-message-error')).first();
  const refused = problem.waitFor({ timeout: WAIT }).then(async () => problem.textContent(), () => new Promise<null>(() => undefined));
  const why = await Promise.race([closed, refused]);
  if (why !== null) throw new Error(`The dialog was not saved: ${why}`);
}
