import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childrenOf, getJson, type Me } from '../support/api.js';
import { launchBrowser, screenshot, signedInContext } from '../support/browser.js';
import { waitForPlace } from '../support/places.js';

describe('a building head on a phone (390x844)', () => {
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    ctx = await signedInContext(browser, 'louzhang', 'phone');
    page = await ctx.newPage();
  });
  afterAll(async () => browser?.close());

  it('sees their building and its residents, masked, without buttons they may not use', async () => {
    const me = await getJson<Me>(page, '/api/me');
    const building = me.roles.find((r) => r.role === 'building_head')!;
    await page.goto('/places');
    await page.waitForURL(new RegExp(`/places/${building.placeId}$`));
    await waitForPlace(page, building.placeName);
    expect(await page.getByTestId('place-create').count()).toBe(0);
    expect(await page.getByTestId('place-edit').count()).toBe(0);

    const households = await childrenOf(page, building.placeId);
    const household = households[0]!;
    await page.getByTestId('child-item').filter({ hasText: household.name }).first().click();
    await waitForPlace(page, household.name);
    const residents = await getJson<{ items: { name: string; phoneMasked: string | null }[] }>(page, `/api/residents?placeId=${household.id}`);
    const cards = page.getByTestId('resident-card');
    await expect.poll(() => cards.count()).toBe(residents.items.length);
    const text = await page.getByTestId('residents-cards').textContent();
    for (const r of residents.items) {
      expect(text).toContain(r.name);
      if (r.phoneMasked) expect(text).toContain(r.phoneMasked);
    }
    // Reading is allowed; revealing and editing are not, so neither is offered.
    expect(await page.locator('[data-testid$="-reveal"]').count()).toBe(0);
    expect(await page.getByTestId('resident-add').count()).toBe(0);
    await screenshot(page, 'phone-building-head');
  });
});
