import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '../support/api.js';
import { launchBrowser, saveDialog, settled, signedInContext } from '../support/browser.js';
import { runTag } from '../support/places.js';
import { chooseOption } from '../support/work-orders.js';

interface Account { id: string; username: string; unitId: string | null; roles: { role: string; placeName: string }[] }

// A department's contact: the street links the new account to 城管执法中队, so call-ins of that department reach it.
describe('a contact account linked to its unit', () => {
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  const username = `e2e_cg_${runTag()}`;
  beforeAll(async () => {
    browser = await launchBrowser();
    ctx = await signedInContext(browser, 'xinan');
    page = await ctx.newPage();
  });
  afterAll(async () => browser?.close());
  const account = async () => (await getJson<{ items: Account[] }>(page, `/api/users?q=${username}`)).items.find((u) => u.username === username)!;

  it('shows the unit picker once the role is partner contact, and saves the link', async () => {
    await page.goto('/accounts');
    await page.getByTestId('user-create').click();
    const form = page.getByTestId('user-form');
    await settled(page.locator('.ant-modal').filter({ has: form }));
    await form.getByLabel('用户名').fill(username);
    await form.getByLabel('姓名').fill('城管联络人');
    await form.getByLabel('初始密码').fill('Welcome!2026');
    await expect.poll(() => form.getByTestId('user-unit').count()).toBe(0);
    const binding = form.getByTestId('role-binding').first();
    await binding.locator('.ant-select').first().click();
    await chooseOption(page, /^共建单位联络人$/);
    await binding.locator('.ant-select').nth(1).click();
    await page.keyboard.type('西南街道');
    await chooseOption(page, '西南街道');
    await form.getByTestId('user-unit').click();
    await chooseOption(page, /^城管执法中队$/);
    await saveDialog(page, form);
    await expect.poll(async () => (await account())?.username).toBe(username);
    const units = (await getJson<{ items: { id: string; name: string }[] }>(page, '/api/units')).items;
    expect((await account()).unitId).toBe(units.find((u) => u.name === '城管执法中队')!.id);
  });

  it('shows the link when editing, and drops it with the role', async () => {
    await page.getByTestId('user-search').locator('input').fill(username);
    await page.keyboard.press('Enter');
    await page.getByTestId(`user-edit-${username}`).click();
    const form = page.getByTestId('user-form');
    await settled(page.locator('.ant-modal').filter({ has: form }));
    await expect.poll(() => form.getByTestId('user-unit').textContent()).toContain('城管执法中队');
    const binding = form.getByTestId('role-binding').first();
    await binding.locator('.ant-select').first().click();
    await chooseOption(page, /^街道工作人员$/);
    await expect.poll(() => form.getByTestId('user-unit').count()).toBe(0);
    await saveDialog(page, form);
    await expect.poll(async () => (await account()).roles.map((r) => r.role)).toEqual(['street_staff']);
    expect((await account()).unitId).toBeNull();
  });
});
