import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childrenOf, getJson, postJson } from '../support/api.js';
import { launchBrowser, screenshot, signedInContext } from '../support/browser.js';
import { runTag } from '../support/places.js';

// Two offices over 北江社区 (its worker and the street's) each record a claim of the last place of a building-head post
// at the same moment, for two approved members: exactly one holds the post; the other sees why not and the post as it is.
describe('two claims race for the last place of a post', () => {
  let browser: Browser;
  let community: BrowserContext;
  let street: BrowserContext;
  let postId = '';
  const names = ['甲', '乙'].map((n) => `抢岗党员${n}${runTag().slice(-4)}`);

  beforeAll(async () => {
    browser = await launchBrowser();
    community = await signedInContext(browser, 'beijiang');
    street = await signedInContext(browser, 'xinan');
    const grid = await signedInContext(browser, 'grid1');
    const gridId = (await getJson<{ roles: { placeId: string }[] }>(grid.request, '/api/me')).roles[0]!.placeId;
    await grid.close();
    const compound = (await childrenOf(community.request, gridId))[0]!;
    const building = (await childrenOf(community.request, compound.id))[0]!;
    const household = (await childrenOf(community.request, building.id))[0]!;
    const orgs = await getJson<{ items: { id: string; kind: string; placeName: string }[] }>(community.request, '/api/party-orgs?limit=2000');
    const org = orgs.items.find((o) => o.kind === 'community_party_committee' && o.placeName === '北江社区')!;
    postId = (await postJson<{ id: string }>(community.request, '/api/party-posts', {
      kind: 'building_head', title: `${building.name}党员楼长(抢岗)${runTag()}`, duties: '联系本栋住户', placeId: building.id, places: 1,
    })).id;
    // Both members are nominated and approved through the API: the race is the browser's part.
    for (const name of names) {
      const member = await postJson<{ id: string }>(community.request, '/api/party-members', { name, category: 'resident_member', orgId: org.id, householdId: household.id });
      const claim = await postJson<{ id: string; version: number }>(community.request, `/api/party-posts/${postId}/nominations`, { memberId: member.id });
      await postJson(community.request, `/api/party-claims/${claim.id}/approve`, { version: claim.version });
    }
  });
  afterAll(async () => browser?.close());

  const openPost = async (context: BrowserContext): Promise<Page> => {
    const page = await context.newPage();
    await page.goto('/party-posts');
    await page.locator(`[data-testid="post-row"][data-id="${postId}"]`).click();
    await page.getByTestId('claim-row').filter({ hasText: names[1]! }).getByTestId('claim-claim').waitFor();
    return page;
  };

  it('one office records its claim, the other is told the post is full and sees it taken', async () => {
    const pages = [await openPost(community), await openPost(street)];
    expect(await pages[0]!.getByTestId('post-taken').textContent()).toBe('0/1');
    // The refusal is a toast that fades after a few seconds: watch both pages for it from the click on, not after the
    // other waits, so a busy machine cannot let it fade unseen.
    const refusedOn = Promise.any(pages.map(async (page, i) => {
      await page.locator('.ant-message').getByText('岗位名额已满或已停止招募').waitFor();
      await screenshot(page, 'party-post-claim-race-lost');
      return i;
    }));
    refusedOn.catch(() => undefined); // awaited below; this only keeps an early failure from also reporting it unhandled
    // Each office claims for a different member, both before either page knows of the other's claim.
    await Promise.all(pages.map((page, i) => page.getByTestId('claim-row').filter({ hasText: names[i]! }).getByTestId('claim-claim').click()));
    for (const page of pages) await expect.poll(() => page.getByTestId('post-taken').textContent()).toBe('1/1');
    const states = await Promise.all(pages.map((page, i) => page.getByTestId('claim-row').filter({ hasText: names[i]! }).getByTestId('claim-state').textContent()));
    expect(states.sort()).toEqual(['在岗', '已同意']);
    // The office told the post is full is the one whose member stays approved, not holding.
    expect(await refusedOn).toBe(states.indexOf('已同意'));
    // The server agrees: one holder, one approved claim, one claim event.
    const post = await getJson<{ placesTaken: number; claims: { memberName: string; state: string }[] }>(community.request, `/api/party-posts/${postId}`);
    expect(post.placesTaken).toBe(1);
    expect(post.claims.map((c) => c.state).sort()).toEqual(['approved', 'holding']);
  });
});
