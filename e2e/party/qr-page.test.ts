import fs from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childrenOf, getJson, postJson } from '../support/api.js';
import { launchBrowser, newContext, screenshot, signedInContext } from '../support/browser.js';
import { openMemberDrawer } from '../support/party.js';
import { runTag } from '../support/places.js';
import { PNG } from '../support/work-orders.js';

type Step = { id: string; version: number; state: string };

// 码上通: 北江社区's worker appoints a new building head (nominate, approve, claim through the API), finds the compound's
// code on the party-org page and downloads the A4 sheet; then a phone that never signed in opens the code's page at
// 390 × 844 and sees the new head, without a horizontal scroll and without the member's phone number.
describe('the compound QR page shows the new building head without sign-in on a 390 px phone', () => {
  let browser: Browser;
  let office: BrowserContext;
  let compound: { id: string; name: string };
  let key = '';
  const name = `新楼长${runTag().slice(-4)}`;
  const phoneNumber = `139${String(Date.now()).slice(-8)}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    office = await signedInContext(browser, 'beijiang');
    const grid = await signedInContext(browser, 'grid1');
    const gridId = (await getJson<{ roles: { placeId: string }[] }>(grid.request, '/api/me')).roles[0]!.placeId;
    await grid.close();
    let building: { id: string; name: string } | undefined;
    for (const c of await childrenOf(office.request, gridId)) {
      const lacking = await getJson<{ items: { id: string; name: string }[] }>(office.request, `/api/party-posts/lacking-heads?placeId=${c.id}`);
      if (lacking.items.length) { compound = c; building = lacking.items[0]!; break; }
    }
    const household = (await childrenOf(office.request, building!.id))[0]!;
    const orgs = await getJson<{ items: { id: string; kind: string; placeName: string }[] }>(office.request, '/api/party-orgs?limit=2000');
    const org = orgs.items.find((o) => o.kind === 'community_party_committee' && o.placeName === '北江社区')!;
    const member = await postJson<{ id: string }>(office.request, '/api/party-members', { name, category: 'resident_member', orgId: org.id, householdId: household.id, phone: phoneNumber });
    const post = await postJson<{ id: string }>(office.request, '/api/party-posts', {
      kind: 'building_head', title: `${building!.name}党员楼长`, duties: '联系本栋住户,收集诉求', placeId: building!.id, places: 1,
    });
    let claim = await postJson<Step>(office.request, `/api/party-posts/${post.id}/nominations`, { memberId: member.id });
    claim = await postJson<Step>(office.request, `/api/party-claims/${claim.id}/approve`, { version: claim.version });
    claim = await postJson<Step>(office.request, `/api/party-claims/${claim.id}/claim`, { version: claim.version });
    expect(claim.state).toBe('holding');
  });
  afterAll(async () => browser?.close());

  it('the community worker finds the compound’s code on the party-org page and downloads the A4 sheet', async () => {
    const page = await office.newPage();
    await page.goto('/party-orgs');
    const row = page.getByTestId('qr-code-row').filter({ hasText: compound.name }).first();
    await row.waitFor();
    key = (await row.getAttribute('data-key'))!;
    expect(key).toMatch(/^[a-z2-9]{16}$/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('qr-sheet').click()]);
    const file = await download.path();
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    await screenshot(page, 'party-qr-codes');
    await page.close();
  });

  it('the community worker puts a photo on the new head’s card from the member’s drawer', async () => {
    const page = await openMemberDrawer(office, name);
    const drawer = page.getByTestId('member-drawer');
    await drawer.getByTestId('member-photo-upload').waitFor();
    expect(await drawer.getByTestId('member-photo').count()).toBe(0);
    await drawer.locator('input[type=file]').setInputFiles({ name: 'head.png', mimeType: 'image/png', buffer: PNG });
    await page.getByText('照片已更新,党员名片会显示新照片').waitFor();
    await drawer.locator('[data-testid="member-photo"] img, img[data-testid="member-photo"]').first().waitFor();
    await page.close();
  });

  it('a phone that never signed in opens the code and sees the new building head, fitting 390 px', async () => {
    const phone = await newContext(browser, 'phone');
    const page = await phone.newPage();
    await page.goto(`/q/${key}`);
    await expect.poll(() => page.getByTestId('qr-compound').textContent()).toBe(compound.name);
    const head = page.locator(`[data-testid="qr-head"][data-name="${name}"]`);
    await head.waitFor();
    expect(await head.textContent()).toContain('党员楼长');
    // The photo the office put on the card, beside the head's name.
    await expect.poll(() => head.getByTestId('qr-head-photo').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    expect(await page.getByTestId('qr-file-demand').getAttribute('href')).toBe(`/h5?place=${compound.id}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const html = await page.content();
    expect(html).not.toContain(phoneNumber);
    expect(html).not.toContain(phoneNumber.slice(-4).padStart(11, '*'));
    await screenshot(page, 'party-qr-page-phone');
    // The head's card: the name and post, and "contact me" through the platform.
    await head.getByTestId('qr-head-card').click();
    await expect.poll(() => page.getByTestId('card-name').textContent()).toBe(name);
    // The photo the office uploaded, served to a phone that never signed in.
    await expect.poll(() => page.getByTestId('card-photo').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await page.getByTestId('card-sender').fill('本栋住户');
    await page.getByTestId('card-text').fill('楼道灯不亮了,请帮忙反映');
    await page.getByTestId('card-send').click();
    await page.getByTestId('card-sent').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await page.content()).not.toContain(phoneNumber);
    await screenshot(page, 'party-card-phone');
    await phone.close();
  });

  it('the community worker reads the message on 联系我留言, reached from the menu', async () => {
    const page = await office.newPage();
    await page.goto('/');
    await page.getByRole('menuitem', { name: '联系我留言' }).click();
    const row = page.getByTestId('party-message-row').filter({ hasText: '楼道灯不亮了,请帮忙反映' }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain(name);
    expect(await row.textContent()).toContain('本栋住户');
    await screenshot(page, 'party-contact-messages');
    await page.close();
  });
});
