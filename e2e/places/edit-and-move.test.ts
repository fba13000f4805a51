import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, type PlaceRef } from '../support/api.js';
import { launchBrowser, signedInContext } from '../support/browser.js';
import { beijiangGrids, createCompound, runTag, waitForPlace } from '../support/places.js';
import { chooseOption } from '../support/work-orders.js';

describe('editing and moving a compound', () => {
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  let grids: PlaceRef[];
  let compound: PlaceRef;
  beforeAll(async () => {
    browser = await launchBrowser();
    ctx = await signedInContext(browser, 'admin');
    page = await ctx.newPage();
    grids = await beijiangGrids(page);
    compound = await createCompound(page, grids[0]!.id, `改名小区${runTag()}`);
  });
  afterAll(async () => browser?.close());

  it('renames with a reason, and the timeline shows who, why and the old and new name', async () => {
    await page.goto(`/places/${compound.id}`);
    await waitForPlace(page, compound.name);
    const renamed = `${compound.name}新`;
    await page.getByTestId('place-edit').click();
    const form = page.getByTestId('place-form');
    await form.getByLabel('名称').fill(renamed);
    await form.getByLabel('修改理由(可选)').fill('居委会更正名称');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await waitForPlace(page, renamed);

    await page.getByTestId('place-timeline').click();
    const events = page.getByTestId('timeline-event');
    await expect.poll(() => events.count()).toBe(2);
    const update = await events.nth(1).textContent();
    expect(update).toContain('区社工部管理员');
    expect(update).toContain('修改');
    expect(update).toContain('居委会更正名称');
    expect(update).toContain(compound.name);
    expect(update).toContain(renamed);
    await page.keyboard.press('Escape');
  });

  it('tells the slower of two editors that someone else saved first, and shows the record as it now is', async () => {
    const now = await getJson<{ place: PlaceRef }>(page, `/api/places/${compound.id}`);
    await page.reload();
    await waitForPlace(page, now.place.name);
    await page.getByTestId('place-edit').click();
    // Someone else saves in between, at the same version.
    const other = `${compound.name}他人改`;
    const patched = await page.request.patch(`/api/places/${compound.id}`, { data: { version: now.place.version, name: other } });
    expect(patched.ok()).toBe(true);

    await page.getByTestId('place-form').getByLabel('名称').fill(`${compound.name}我改`);
    const answer = page.waitForResponse((r) => r.url().endsWith(`/api/places/${compound.id}`) && r.request().method() === 'PATCH');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    const res = await answer;
    expect(res.status()).toBe(409);
    const { message } = (await res.json()) as { message: { zh: string } };
    await page.locator('.ant-message-notice').filter({ hasText: message.zh }).waitFor();
    await waitForPlace(page, other);
    expect((await getJson<{ place: PlaceRef }>(page, `/api/places/${compound.id}`)).place.name).toBe(other);
  });

  it('moves the compound to another grid with a reason', async () => {
    const target = grids[3]!;
    await page.getByTestId('place-move').click();
    await page.getByTestId('move-target').click();
    await page.keyboard.type(target.name);
    // A click the dropdown's animation swallows is tried again until the list closes.
    await chooseOption(page, target.name);
    await page.getByRole('dialog').getByLabel('理由').fill('小区划入新网格管理');
    await page.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByTestId('place-breadcrumb').getByText(target.name).waitFor();
    const detail = await getJson<{ place: PlaceRef }>(page, `/api/places/${compound.id}`);
    expect(detail.place.parentId).toBe(target.id);
    // The tree now holds it under the new grid.
    await page.getByTestId(`tree-node-${compound.id}`).waitFor();
  });
});
