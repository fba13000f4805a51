import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '../support/api.js';
import { launchBrowser, screenshot, signedInContext } from '../support/browser.js';
import { runTag } from '../support/places.js';
import { chooseOption } from '../support/work-orders.js';

type Ledger = { member: { id: string; name: string }; yearTotal: number; entries: { reason: string; points: number }[] };

// 北江社区's worker records a service of the demo party member; the member sees it on a phone, and the ranking counts it.
describe('staff record a member’s service and the member’s ledger and the ranking show it', () => {
  let browser: Browser;
  let office: BrowserContext;
  let member: BrowserContext;
  const what = `帮扶独居老人${runTag()}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    office = await signedInContext(browser, 'beijiang');
    member = await signedInContext(browser, 'dangyuan', 'phone');
  });
  afterAll(async () => browser?.close());

  it('records two and a half hours, then the ledger on a 390 px phone and the ranking show the points', async () => {
    const phone = await member.newPage();
    const before = await getJson<Ledger>(phone, '/api/party-points/mine');
    const page = await office.newPage();
    await page.goto('/party-points');
    await page.getByTestId('party-points-page').waitFor();
    await page.getByRole('tab', { name: '登记积分' }).click();
    await page.getByTestId('points-service-member').click();
    await page.keyboard.type(before.member.name);
    await chooseOption(page, before.member.name);
    await page.getByTestId('points-service-hours').fill('2.5');
    await page.getByTestId('points-service-what').fill(what);
    await page.getByTestId('points-service-submit').click();
    await page.getByText('已登记').first().waitFor();

    await page.getByRole('tab', { name: '积分排名' }).click();
    // The page of the ranking the member is on (the demo's year of points ranks others above them).
    const me = await getJson<{ roles: { placeId: string }[] }>(page, '/api/me');
    const year = String(new Date(Date.now() + 8 * 3600_000).getUTCFullYear());
    const ranked = await getJson<{ items: { memberId: string; rank: number }[] }>(page, `/api/party-points/ranking?placeId=${me.roles[0]!.placeId}&period=year&of=${year}&limit=500`);
    const pageNo = Math.ceil(ranked.items.find((r) => r.memberId === before.member.id)!.rank / 20);
    if (pageNo > 1) await page.getByTestId('points-ranking').locator(`.ant-pagination-item-${pageNo}`).click();
    const row = page.getByTestId('points-rank-row').filter({ hasText: before.member.name });
    const after = await getJson<Ledger>(phone, '/api/party-points/mine');
    expect(after.yearTotal).toBeGreaterThan(before.yearTotal);
    await expect.poll(() => row.getByTestId('points-rank-points').textContent()).toBe(String(after.yearTotal));
    await screenshot(page, 'points-ranking');

    await phone.goto('/my-points');
    const entry = phone.getByTestId('points-entry').filter({ hasText: what });
    await entry.waitFor();
    expect(await entry.getByTestId('points-entry-points').textContent()).toBe(`+${after.entries.find((e) => e.reason === what)!.points}`);
    await expect.poll(() => phone.getByTestId('points-year-total').textContent()).toContain(String(after.yearTotal));
    // Fits the phone: nothing wider than the screen.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(phone, 'phone-my-points');
  });
});
