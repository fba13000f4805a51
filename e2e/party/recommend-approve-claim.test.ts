import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childrenOf, getJson, postJson } from '../support/api.js';
import { launchBrowser, newContext, screenshot, signedInContext } from '../support/browser.js';
import { runTag } from '../support/places.js';
import { freshPhone, pickCompound, signInResident } from '../support/work-orders.js';

// A resident on a 390 px phone recommends a member for a building's party-member building-head post; 北江社区's worker
// approves and records the claim; the building leaves "buildings still lacking a head".
describe('a building head is recruited by a resident’s recommendation, approved and claimed', () => {
  let browser: Browser;
  let office: BrowserContext;
  let compound: { id: string; name: string };
  let building: { id: string; name: string };
  let postId = '';
  const name = `推荐党员${runTag().slice(-4)}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    office = await signedInContext(browser, 'beijiang');
    const grid = await signedInContext(browser, 'grid1');
    const gridId = (await getJson<{ roles: { placeId: string }[] }>(grid.request, '/api/me')).roles[0]!.placeId;
    await grid.close();
    // A compound of grid1 with a building the demo left without a head.
    for (const c of await childrenOf(office.request, gridId)) {
      const lacking = await getJson<{ items: { id: string; name: string }[] }>(office.request, `/api/party-posts/lacking-heads?placeId=${c.id}`);
      if (lacking.items.length) { compound = c; building = lacking.items[0]!; break; }
    }
    const household = (await childrenOf(office.request, building.id))[0]!;
    const orgs = await getJson<{ items: { id: string; kind: string; placeName: string }[] }>(office.request, '/api/party-orgs?limit=2000');
    const org = orgs.items.find((o) => o.kind === 'community_party_committee' && o.placeName === '北江社区')!;
    await postJson(office.request, '/api/party-members', { name, category: 'resident_member', orgId: org.id, householdId: household.id });
    postId = (await postJson<{ id: string }>(office.request, '/api/party-posts', {
      kind: 'building_head', title: `${building.name}党员楼长 ${runTag()}`, duties: '联系本栋住户', placeId: building.id, places: 1,
    })).id;
  });
  afterAll(async () => browser?.close());

  it('the resident picks the compound on a phone and recommends the member', async () => {
    const phone = await newContext(browser, 'phone');
    const page = await phone.newPage();
    await signInResident(page, freshPhone());
    await page.goto('/h5/party-posts');
    await page.getByTestId('h5-post-picker').waitFor();
    await pickCompound(page, compound.name, new RegExp(`^${compound.name} · 北江社区`));
    const card = page.locator(`[data-testid="h5-post"][data-id="${postId}"]`);
    await card.getByTestId('h5-post-member').selectOption({ label: name });
    await card.getByTestId('h5-post-recommend').click();
    await page.getByText('推荐已提交,待社区党委审核').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'h5-party-post-recommended');
    await phone.close();
  });

  it('the community worker approves and records the claim; the building has its head', async () => {
    const page = await office.newPage();
    await page.goto('/party-posts');
    await page.locator(`[data-testid="lacking-row"][data-id="${building.id}"]`).waitFor();
    await page.locator(`[data-testid="post-row"][data-id="${postId}"]`).click();
    const row = page.getByTestId('claim-row').filter({ hasText: name });
    await row.getByTestId('claim-approve').click();
    await expect.poll(() => row.getByTestId('claim-state').textContent()).toBe('已同意');
    await row.getByTestId('claim-claim').click();
    await expect.poll(() => row.getByTestId('claim-state').textContent()).toBe('在岗');
    await expect.poll(() => page.getByTestId('post-taken').textContent()).toBe('1/1');
    await expect.poll(() => page.locator(`[data-testid="lacking-row"][data-id="${building.id}"]`).count()).toBe(0);
    await screenshot(page, 'party-post-claimed');
    await page.close();
  });
});
