import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, postJson } from '../support/api.js';
import { launchBrowser, screenshot, signedInContext } from '../support/browser.js';
import { openMemberDrawer } from '../support/party.js';
import { runTag } from '../support/places.js';
import { chooseOption } from '../support/work-orders.js';

// 北江社区's worker enters an in-service member with a phone; the roster shows it masked; revealing it asks for a reason.
describe('a community worker enters a party member and reveals the phone with a reason', () => {
  let browser: Browser;
  let office: BrowserContext;
  const name = `罗志强${runTag().slice(-4)}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    office = await signedInContext(browser, 'beijiang');
  });
  afterAll(async () => browser?.close());

  it('enters the member, lists the phone masked and reveals it', async () => {
    const page = await office.newPage();
    await page.goto('/party-members');
    await page.getByTestId('member-new').click();
    await page.getByTestId('member-name').fill(name);
    await page.getByTestId('member-category').click();
    await chooseOption(page, '在职党员');
    await page.getByTestId('member-org').click();
    await page.keyboard.type('北江社区大党委');
    await chooseOption(page, '北江社区大党委');
    // The units are a long virtual list (its order differs by database): typing narrows it to the one.
    await page.getByTestId('member-unit').click();
    await page.keyboard.type('三水区人民医院');
    await chooseOption(page, '三水区人民医院');
    await page.getByLabel('手机号').fill('13911112222');
    await page.getByTestId('member-submit').click();
    await page.getByPlaceholder('搜索姓名').fill(name);
    await page.getByPlaceholder('搜索姓名').press('Enter');
    const row = page.getByTestId('member-row').filter({ hasText: name });
    await expect.poll(() => row.textContent()).toContain('139****2222');
    await row.click();
    await page.getByTestId('member-phone-reveal').click();
    await page.getByLabel('理由').fill('联系双报到事宜');
    await page.getByRole('button', { name: '确 定' }).last().click();
    await expect.poll(() => page.getByTestId('member-phone-value').textContent()).toBe('13911112222');
    await screenshot(page, 'party-member-revealed');
    await page.close();
  });

  it('links the member to their own sign-in from the drawer, and the member then reads their own points', async () => {
    // The district admin has made the member a party-member account on 北江社区.
    const admin = await signedInContext(browser, 'admin');
    const community = (await getJson<{ roles: { placeId: string }[] }>(office.request, '/api/me')).roles[0]!.placeId;
    const username = `dy${runTag().slice(-6)}`.toLowerCase();
    await postJson(admin.request, '/api/users', { username, displayName: name, password: 'OneGrid!2026', roles: [{ role: 'party_member', placeId: community }] });
    await admin.close();
    const page = await openMemberDrawer(office, name);
    const field = page.getByTestId('member-account');
    await expect.poll(() => field.getByTestId('member-account-linked').textContent()).toBe('未关联');
    await field.getByTestId('member-account-pick').click();
    await chooseOption(page, `${name}(${username})`);
    await field.getByTestId('member-account-link').click();
    await expect.poll(() => field.getByTestId('member-account-linked').textContent()).toBe(`${name}(${username})`);
    await screenshot(page, 'party-member-account-linked');
    await page.close();
    const member = await signedInContext(browser, username);
    const mine = await getJson<{ member: { name: string } }>(member.request, '/api/party-points/mine');
    expect(mine.member.name).toBe(name);
    await member.close();
  });
});
