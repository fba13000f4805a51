import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childrenOf, getJson, type PlaceRef } from '../support/api.js';
import { launchBrowser, screenshot, signedInContext } from '../support/browser.js';

describe('browsing the place tree', () => {
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    ctx = await signedInContext(browser, 'admin');
    page = await ctx.newPage();
  });
  afterAll(async () => browser?.close());

  /** Picks the first child that has children of its own (or any child, for households). */
  async function pickChild(parentId: string, leaf = false): Promise<PlaceRef> {
    for (const child of await childrenOf(page, parentId)) {
      if (leaf) {
        const residents = await getJson<{ total: number }>(page, `/api/residents?placeId=${child.id}&limit=1`);
        if (residents.total > 0) return child;
      } else if ((await childrenOf(page, child.id)).length > 0) return child;
    }
    throw new Error(`nothing suitable under ${parentId}`);
  }

  it('goes from the district down to a household and shows its residents', async () => {
    await page.goto('/places');
    await page.waitForURL(/\/places\/[0-9a-z]+$/);
    const roots = await getJson<{ items: PlaceRef[] }>(page, '/api/places/roots');
    const district = roots.items[0]!;
    await expect.poll(() => page.getByTestId('place-name').textContent()).toBe(district.name);
    // The district's children are called what the official list calls them: 西南街道 a street, 大塘镇 a town.
    const kindOf = async (name: string) => page.locator('.ant-table-row').filter({ hasText: name }).locator('td').nth(1).textContent();
    await expect.poll(() => kindOf('大塘镇')).toBe('镇');
    expect(await kindOf('西南街道')).toBe('街道');
    const town = (await getJson<{ items: PlaceRef[] }>(page, `/api/places/search?q=${encodeURIComponent('大塘镇')}&level=street`)).items[0]!;
    const village = (await childrenOf(page, town.id)).find((p) => p.name.endsWith('村'))!;
    await page.goto(`/places/${town.id}`);
    await expect.poll(() => kindOf(village.name)).toBe('村');
    await page.goto('/places');
    await expect.poll(() => page.getByTestId('place-name').textContent()).toBe(district.name);

    const community = (await getJson<{ items: PlaceRef[] }>(page, `/api/places/search?q=${encodeURIComponent('北江社区')}&level=community`)).items[0]!;
    const street = { id: community.parentId!, name: '西南街道' };
    const grid = await pickChild(community.id);
    const compound = await pickChild(grid.id);
    const building = await pickChild(compound.id);
    const household = await pickChild(building.id, true);

    for (const place of [street, community, grid, compound, building, household]) {
      await page.getByTestId(`tree-node-${place.id}`).click();
      await page.waitForURL(new RegExp(`/places/${place.id}$`));
      await expect.poll(() => page.getByTestId('place-name').textContent()).toBe(place.name);
    }

    const crumbs = await page.getByTestId('place-breadcrumb').textContent();
    for (const name of [district.name, street.name, community.name, grid.name, compound.name, building.name]) expect(crumbs).toContain(name);

    const residents = await getJson<{ items: { name: string }[]; total: number }>(page, `/api/residents?placeId=${household.id}`);
    const table = page.getByTestId('residents-table');
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(Math.min(residents.total, 20));
    for (const r of residents.items.slice(0, 3)) expect(await table.textContent()).toContain(r.name);
    expect(await page.getByTestId('count-residents').textContent()).toContain(String(residents.total));
    await screenshot(page, 'places-household-desktop');

    // Back up one level by the breadcrumb: the building's children table lists this household.
    await page.getByTestId('place-breadcrumb').getByRole('link', { name: building.name }).click();
    await expect.poll(() => page.getByTestId('place-name').textContent()).toBe(building.name);
    await page.getByTestId('children-table').getByRole('link', { name: household.name, exact: true }).waitFor();
    await screenshot(page, 'places-desktop');
  });

  it('jumps to a place found with the search box', async () => {
    const target = (await getJson<{ items: PlaceRef[] }>(page, `/api/places/search?q=${encodeURIComponent('沙头社区')}`)).items[0]!;
    await page.getByTestId('place-search').click();
    await page.keyboard.type('沙头社区');
    await page.locator('.ant-select-item-option').filter({ hasText: '沙头社区' }).first().click();
    await page.waitForURL(new RegExp(`/places/${target.id}$`));
    await expect.poll(() => page.getByTestId('place-name').textContent()).toBe('沙头社区');
    // The tree opens down to the place found.
    await page.getByTestId(`tree-node-${target.id}`).waitFor();
  });
});
