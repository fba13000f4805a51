import fs from 'node:fs';
import type { APIRequestContext, Locator, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { WAIT } from './wait.js';
import { firstDescendant, getJson, postJson, type Me } from './api.js';
import { settled } from './browser.js';

/** A valid 8x8 red PNG, the smallest photo the server accepts as an image. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEklEQVR4nGP4z8CAFWEXHbQSACj/P8Fu7N9hAAAAAElFTkSuQmCC',
  'base64',
);

/** A fresh mainland mobile number per call, so reruns and files never share a resident. */
export function freshPhone(): string {
  return `139${String(Date.now()).slice(-8)}`;
}

const logSize = () => fs.statSync(inject('serverLog')).size;

/**
 * The one-time code the SMS log adapter wrote for `phone` after byte `from` of the server log. The log masks the
 * phone (139****1234), so the caller passes the offset taken just before asking for the code.
 */
export async function codeFromLog(phone: string, from: number, timeoutMs = WAIT): Promise<string> {
  const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // `from` counts bytes (the file's size): cut the bytes, then decode, or every Chinese character before it shifts the cut.
    const text = fs.readFileSync(inject('serverLog')).subarray(from).toString('utf8');
    for (const line of text.split('\n').reverse()) {
      if (!line.includes(masked) || !line.includes('"sms"')) continue;
      const entry = JSON.parse(line) as { sms?: { to: string; text: string; template?: string } };
      // Only a one-time code: the "resolved" message to the same phone carries a tracking number.
      const code = entry.sms?.to === masked && entry.sms.template === 'oneTimeCode' ? /\d{6}/.exec(entry.sms.text)?.[0] : undefined;
      if (code) return code;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`No SMS code for ${masked} in the server log`);
}

/** Signs a resident in through the H5 page: phone, "get code", the code from the log, sign in. */
export async function signInResident(page: Page, phone: string, path = '/h5'): Promise<void> {
  await page.goto(path);
  const form = page.getByTestId('h5-sign-in');
  await form.getByLabel('手机号').fill(phone);
  const from = logSize();
  await page.getByTestId('h5-send-code').click();
  const code = await codeFromLog(phone, from);
  await form.getByLabel('验证码').fill(code);
  await page.getByTestId('h5-sign-in-submit').click();
  await page.getByTestId('h5-file-form').waitFor();
}

/**
 * Picks a compound on a light H5 page: types part of its name into the search box and taps the match whose label
 * (compound · community · street) matches `label`.
 */
export async function pickCompound(page: Page, search: string, label: RegExp): Promise<void> {
  await page.getByTestId('h5-compound-search').fill(search);
  await page.getByTestId('h5-compound-option').filter({ hasText: label }).first().click();
}

/** Chooses the first category of the light filing page's category list (its placeholder is not one). */
export async function chooseFirstCategory(page: Page): Promise<void> {
  const select = page.getByTestId('h5-category');
  await select.locator('option:not([disabled])').first().waitFor({ state: 'attached' });
  await select.selectOption({ index: 1 });
}

export interface OrderDetail {
  order: {
    id: string; state: string; version: number; light: string | null; trackingNo: string; reopenCount: number; assignee: { kind: string; id: string } | null;
    resolveDue: string | null; mergedInto: string | null; placeId: string; receivedAt: string;
  };
  actions: string[];
}

export const orderOf = (ctx: Page | APIRequestContext, id: string) => getJson<OrderDetail>(ctx, `/api/work-orders/${id}`);

/** Takes one step through the API with the order's current version (for setting up, never for what the test checks). */
export async function stepVia(ctx: Page | APIRequestContext, id: string, step: string, body: Record<string, unknown> = {}): Promise<void> {
  const { order } = await orderOf(ctx, id);
  await postJson(ctx, `/api/work-orders/${id}/${step}`, { version: order.version, ...body });
}

/**
 * Clicks an option of the open antd (single) select's dropdown and waits until it has closed, so the next dropdown is the
 * only one. On a busy machine a click can land while the dropdown is still opening and be lost: while it stays open, the
 * option is clicked again, within the one shared wait.
 */
export async function chooseOption(page: Page, text?: string | RegExp): Promise<void> {
  const open = page.locator('.ant-select-dropdown:visible');
  let options = open.locator('.ant-select-item-option');
  if (text) options = options.filter({ hasText: text });
  await options.first().click();
  const deadline = Date.now() + WAIT;
  while (!(await open.first().waitFor({ state: 'hidden', timeout: 3_000 }).then(() => true, () => false))) {
    if (Date.now() > deadline) throw new Error(`The dropdown stayed open after choosing ${String(text ?? 'its first option')}`);
    await options.first().click({ timeout: 3_000 }).catch(() => undefined);
  }
}

export interface FiledOrder { id: string; trackingNo: string; title: string; resolveDue: string | null }

/** A compound of the grid `grid` (a grid worker's API context) works in: where the tests file their orders. */
export async function compoundOf(grid: APIRequestContext): Promise<{ id: string; name: string }> {
  const me = await getJson<Me>(grid, '/api/me');
  const trail = await firstDescendant(grid, me.roles[0]!.placeId, 'compound');
  return trail[trail.length - 1]!;
}

/**
 * A 12345 order imported from the hotline's history on a compound, received 30 days ago and accepted by `office`: its
 * deadline is long past, so it is overdue at once.
 */
export async function fileOverdueOrder(office: APIRequestContext, placeId: string, title: string): Promise<{ id: string; trackingNo: string }> {
  const { items: categories } = await getJson<{ items: { id: string; active: boolean }[] }>(office, '/api/categories');
  const order = await postJson<{ id: string; trackingNo: string }>(office, '/api/work-orders', {
    channel: 'hotline_12345', externalNo: `E2E-${Date.now()}`, demandType: 'complaint', categoryId: categories.find((c) => c.active)!.id,
    placeId, title, description: '早市摊贩占用消防通道,多次反映未解决。', reporterPhone: '13700001111',
    receivedAt: new Date(Date.now() - 30 * 86400_000).toISOString(),
  });
  await stepVia(office, order.id, 'accept');
  return order;
}

/** A grid worker's patrol report on their compound, through the API. */
export async function filePatrolReport(grid: APIRequestContext, title: string, extra: Record<string, unknown> = {}): Promise<FiledOrder> {
  const compound = await compoundOf(grid);
  const { items } = await getJson<{ items: { id: string; code?: string; active: boolean }[] }>(grid, '/api/categories');
  const category = items.find((c) => c.active)!;
  return postJson<FiledOrder>(grid, '/api/work-orders', {
    channel: 'grid_patrol', demandType: 'help', categoryId: category.id, placeId: compound.id, title,
    description: `${title}(浏览器测试登记)`, reporterName: '测试居民', reporterPhone: '13600003333', ...extra,
  });
}

/** The office accepts and dispatches the order to the grid worker, who takes it: the order as a taker holds it. */
export async function takenBy(office: APIRequestContext, grid: APIRequestContext, id: string): Promise<void> {
  const me = await getJson<Me>(grid, '/api/me');
  await stepVia(office, id, 'accept');
  await stepVia(office, id, 'dispatch', { assignee: { kind: 'user', id: me.user.id } });
  await stepVia(grid, id, 'take');
}

export interface TimelineEvent { action: string; reason: string | null; from: Record<string, unknown> | null; to: Record<string, unknown> | null }
export const eventsOf = async (ctx: Page | APIRequestContext, id: string) =>
  (await getJson<{ items: TimelineEvent[] }>(ctx, `/api/timeline/work_order/${id}`)).items;

/** Opens a step's form from its button on the order page. */
export async function openStep(page: Page, step: string): Promise<void> {
  await page.getByTestId(`step-${step}`).click();
  // A step without fields (take) has an empty form, which Playwright counts as hidden: wait for it to be there and
  // for the dialog's OK button to show.
  await page.getByTestId(`step-form-${step}`).waitFor({ state: 'attached' });
  await settled(page.locator('.ant-modal').filter({ has: page.getByTestId('step-submit') }));
}

/**
 * Submits the open step form and waits for it to close (the order reloads). A refusal keeps the form open and shows
 * the server's sentence: that sentence is the failure, rather than a later wait for a state that never comes.
 */
export async function submitStep(page: Page): Promise<void> {
  await page.getByTestId('step-submit').click();
  const closed = page.locator('[data-testid^=step-form-]').waitFor({ state: 'detached' }).then(() => null);
  const refused = page.locator('.ant-message-error').first().waitFor().then(async () => page.locator('.ant-message-error').first().textContent());
  const why = await Promise.race([closed, refused.catch(() => new Promise<null>(() => undefined))]);
  if (why !== null) throw new Error(`The step was refused: ${why}`);
}

/** Opens a step's form, lets `fill` fill it in, submits it and waits for the form to close. */
export async function takeStep(page: Page, step: string, fill?: () => Promise<void>): Promise<void> {
  await openStep(page, step);
  await fill?.();
  await submitStep(page);
}

export const stateOnPage = (page: Page) => page.getByTestId('state').first().textContent();


/**
 * Picks `names` in an open multiple-choice select (its root `select`): types each to find it in a long, virtual list and
 * clicks it once the list shows only what was typed; a click the dropdown's animation swallowed is tried again while
 * the option is still listed and not yet a tag (a second click on a picked one would unpick it).
 */
export async function pickMany(page: Page, select: Locator, names: string[]): Promise<void> {
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  for (const name of names) {
    await select.locator('input').fill(name);
    await expect.poll(async () => (await options.allTextContents()).every((o) => o.includes(name)), { timeout: WAIT }).toBe(true);
    // A picked option is a tag in the select (once picked, the search clears and the list may scroll it out of sight).
    const tag = select.locator('.ant-select-selection-item').filter({ hasText: name });
    await options.filter({ hasText: name }).first().click();
    await expect.poll(async () => {
      const picked = (await tag.count()) > 0;
      if (!picked && (await options.filter({ hasText: name }).count())) await options.filter({ hasText: name }).first().click({ timeout: 3_000 }).catch(() => undefined);
      return picked;
    }, { timeout: WAIT, interval: 1_000 }).toBe(true);
  }
}
