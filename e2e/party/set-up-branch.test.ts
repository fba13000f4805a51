import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '../support/api.js';
import { launchBrowser, screenshot, signedInContext } from '../support/browser.js';

interface Tree { items: { id: string; kind: string; placeId: string; secretary: string | null; parentId: string | null }[] }

// 北江社区's worker opens the org tree, sees a compound without a branch, sets one up there with its secretary; the
// compound leaves the gaps list and the branch shows in the tree under the community's party committee.
describe('a community worker sets up a compound branch where the tree shows a gap', () => {
  let browser: Browser;
  let office: BrowserContext;

  beforeAll(async () => {
    browser = await launchBrowser();
    office = await signedInContext(browser, 'beijiang');
  });
  afterAll(async () => browser?.close());

  it('closes the gap from the gaps list and shows the branch in the tree', async () => {
    const page = await office.newPage();
    await page.goto('/party-orgs');
    await page.getByTestId('party-org-tree').waitFor();
    const gap = page.getByTestId('gaps-compounds').getByTestId('gap-row').first();
    await gap.waitFor();
    const compoundId = (await gap.getAttribute('data-id'))!;
    await gap.getByTestId('gap-build').click();
    await page.getByTestId('seat-name').first().fill('陈红梅');
    await page.getByTestId('party-org-submit').click();
    await expect.poll(() => page.getByTestId('gaps-compounds').locator(`[data-id="${compoundId}"]`).count()).toBe(0);
    const node = page.getByTestId('party-org-node').filter({ hasText: '陈红梅' });
    await node.waitFor();
    await node.click();
    await expect.poll(() => page.getByTestId('party-org-seat').first().textContent()).toBe('书记:陈红梅');
    const tree = await getJson<Tree>(page, '/api/party-orgs?limit=2000');
    const branch = tree.items.find((o) => o.kind === 'compound_branch' && o.placeId === compoundId)!;
    const committee = tree.items.find((o) => o.id === branch.parentId);
    expect(branch.secretary).toBe('陈红梅');
    expect(committee?.kind).toBe('community_party_committee');
    await screenshot(page, 'party-org-branch-set-up');
    await page.close();
  });
});
