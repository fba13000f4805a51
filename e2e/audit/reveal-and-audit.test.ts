import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '../support/api.js';
import { launchBrowser, screenshot, signedInContext } from '../support/browser.js';
import { beijiangGrids, waitForPlace } from '../support/places.js';

interface Resident {
  id: string;
  placeId: string;
  name: string;
  phoneMasked: string | null;
}

describe('revealing a phone number, and finding the reveal in the audit log', () => {
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  const reason = `核实联系方式${Date.now() % 10000}`;
  let resident: Resident;
  beforeAll(async () => {
    browser = await launchBrowser();
    ctx = await signedInContext(browser, 'admin');
    page = await ctx.newPage();
    const grid = (await beijiangGrids(page))[0]!;
    const list = await getJson<{ items: Resident[] }>(page, `/api/residents?placeId=${grid.id}&limit=50`);
    resident = list.items.find((r) => r.phoneMasked)!;
    expect(resident).toBeTruthy();
  });
  afterAll(async () => browser?.close());

  it('asks for a reason, then shows the full number', async () => {
    const household = await getJson<{ place: { name: string } }>(page, `/api/places/${resident.placeId}`);
    await page.goto(`/places/${resident.placeId}`);
    await waitForPlace(page, household.place.name);
    const masked = page.getByTestId(`phone-${resident.id}-masked`);
    expect(await masked.textContent()).toBe(resident.phoneMasked);

    await page.getByTestId(`phone-${resident.id}-reveal`).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('查看手机号').waitFor();
    // Without a reason the form refuses.
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.locator('.ant-form-item-explain-error').waitFor();
    await dialog.getByLabel('理由').fill(reason);
    await dialog.getByRole('button', { name: /确\s*定/ }).click();

    const value = page.getByTestId(`phone-${resident.id}-value`);
    await value.waitFor();
    const phone = (await value.textContent())!.trim();
    expect(phone).toMatch(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/);
    const [head, tail] = resident.phoneMasked!.split(/\*+/);
    expect(phone.startsWith(head!)).toBe(true);
    expect(phone.endsWith(tail!)).toBe(true);
  });

  it('lists the reveal, with who and why, in the audit log', async () => {
    await page.getByRole('menuitem', { name: /审计日志/ }).click();
    await page.waitForURL(/\/audit$/);
    const filters = page.getByTestId('audit-filters');
    await filters.getByLabel('操作人').fill('admin');
    await filters.getByTestId('audit-action').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '查看个人信息' }).click();
    await filters.getByLabel('记录', { exact: true }).fill(resident.name);
    await filters.getByRole('button', { name: /搜\s*索/ }).click();

    const table = page.getByTestId('audit-table');
    const row = table.locator('tbody tr.ant-table-row').filter({ hasText: reason });
    // The unfiltered first page may already hold the reveal: wait for the search's answer, the one row.
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(1);
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain('区社工部管理员');
    expect(text).toContain('查看个人信息');
    expect(text).toContain(`居民 ${resident.name}`);
    expect(text).not.toContain(resident.id);
    expect(text).toContain('手机号');
    await screenshot(page, 'audit-log');

    await row.click();
    const detail = page.getByTestId('audit-detail');
    await detail.waitFor();
    // The change as a sentence, the field by its label: no JSON.
    expect(await detail.textContent()).toContain('字段:手机号');
    expect(await detail.textContent()).not.toContain('"');
  });

  it('is not offered to a grid worker, and its address sends them back to their workbench', async () => {
    const gridCtx = await signedInContext(browser, 'grid1');
    const gridPage = await gridCtx.newPage();
    await gridPage.goto('/places');
    await gridPage.getByTestId('place-name').waitFor();
    expect(await gridPage.getByRole('menuitem', { name: /审计日志/ }).count()).toBe(0);
    await gridPage.goto('/audit');
    await gridPage.waitForURL(/\/workbench$/);
    // The API itself shows them nothing of the log (today an empty page; a 403 would do as well).
    const res = await gridPage.request.get('/api/audit');
    if (res.status() !== 403) expect(((await res.json()) as { total: number }).total).toBe(0);
    await gridCtx.close();
  });
});
