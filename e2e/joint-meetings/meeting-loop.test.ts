import fs from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '../support/api.js';
import { launchBrowser, screenshot, settled, signedInContext } from '../support/browser.js';
import { chooseOption } from '../support/work-orders.js';

// 联席会议: 北江社区's worker plans a meeting with a need without a match on its agenda and 三水区人民医院 invited; the
// hospital's contact (gongjian) opens the sign-in link on a phone and signs in; the worker holds the meeting, publishes
// the minutes with a decision assigned to the hospital, and downloads the minutes as a PDF.
describe('a joint meeting from its agenda to its minutes', () => {
  let browser: Browser;
  let office: BrowserContext;
  let contact: BrowserContext;
  let meetingId = '';
  let signInUrl = '';
  let needTitle = '';
  const title = `北江社区联席会议 ${Date.now().toString(36).slice(-4)}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    office = await signedInContext(browser, 'beijiang');
    contact = await signedInContext(browser, 'gongjian', 'phone');
  });
  afterAll(async () => browser?.close());

  it('the community worker plans a meeting with an unmatched need on its agenda', async () => {
    const page = await office.newPage();
    await page.goto('/joint-meetings');
    await page.getByTestId('meetings-page').waitFor();
    await page.getByTestId('meeting-plan').click();
    const modal = await settled(page.locator('.ant-modal').filter({ hasText: '筹备会议' }));
    await page.getByTestId('meeting-title').fill(title);
    await page.getByTestId('meeting-time').click();
    await page.keyboard.type('2099-03-10 14:30');
    await page.keyboard.press('Enter');
    await page.getByTestId('meeting-venue').fill('北江社区党群服务中心二楼会议室');
    await page.getByTestId('meeting-units').click();
    await page.keyboard.type('三水区人民医院');
    // A multiple select stays open after a choice: pick the hospital, see its tag, close the list.
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '三水区人民医院' }).first().click();
    await page.getByTestId('meeting-units').locator('.ant-select-selection-item').filter({ hasText: '三水区人民医院' }).waitFor();
    await modal.locator('.ant-modal-title').click();
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    const need = modal.getByTestId('agenda-need').first();
    await need.waitFor();
    needTitle = (await need.textContent())!.split(' · ')[0]!;
    await need.click();
    await page.getByTestId('meeting-item').first().fill('通报第四季度共建项目');
    await screenshot(page, 'joint-meeting-plan');
    await page.getByTestId('meeting-plan-ok').click();
    await page.waitForURL(/\/joint-meetings\/[0-9a-z]+$/);
    meetingId = page.url().split('/').pop()!;
    await expect.poll(() => page.getByTestId('meeting-state').textContent()).toBe('待召开');
    expect(await page.getByTestId('agenda-item').allTextContents()).toEqual([`${needTitle} 群众需求`, '通报第四季度共建项目']);
    await page.getByTestId('meeting-qr').evaluate((img: HTMLImageElement) => (img.complete && img.naturalWidth > 0) || new Promise((r) => img.addEventListener('load', r)));
    signInUrl = (await page.getByTestId('meeting-sign-in-link').getAttribute('href'))!;
    expect(signInUrl).toMatch(/\/joint-meetings\/sign-in\//);
    await page.close();
  });

  it('the hospital’s contact opens the QR link on a phone and signs in', async () => {
    const page = await contact.newPage();
    await page.goto(new URL(signInUrl).pathname);
    await page.getByTestId('sign-in-page').waitFor();
    expect(await page.getByTestId('sign-in-page').textContent()).toContain(title);
    await page.getByTestId('sign-in-button').click();
    await expect.poll(() => page.getByTestId('sign-in-done').textContent()).toBe('签到成功');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'joint-meeting-sign-in');
    await page.close();
  });

  it('the worker holds the meeting, records the minutes with a decision for the hospital, and downloads the PDF', async () => {
    const page = await office.newPage();
    await page.goto(`/joint-meetings/${meetingId}`);
    const hospital = page.locator('[data-testid="attendance-row"][data-unit="三水区人民医院"]');
    await expect.poll(() => hospital.getByTestId('attendance-state').textContent()).toContain('已签到');
    await page.getByTestId('meeting-hold').click();
    await expect.poll(() => page.getByTestId('meeting-state').textContent()).toBe('已召开');
    await page.getByTestId('meeting-publish_minutes').click();
    await settled(page.locator('.ant-modal').filter({ hasText: '发布纪要' }));
    await page.getByTestId('meeting-minutes').fill(`会议研究了"${needTitle}",三水区人民医院认领并将于月底前落实。`);
    await page.getByTestId('decision-add').click();
    await page.getByTestId('decision-title').fill('医院派员对接并落实该需求');
    await page.getByTestId('decision-unit').click();
    await chooseOption(page, '三水区人民医院');
    await page.getByTestId('decision-due').click();
    await page.keyboard.type('2099-03-31');
    await page.keyboard.press('Enter');
    await page.getByTestId('meeting-step-ok').click();
    await expect.poll(() => page.getByTestId('meeting-state').textContent()).toBe('纪要已发布');
    const task = page.locator('[data-testid="task-row"][data-title="医院派员对接并落实该需求"]');
    expect(await task.getByTestId('task-state').textContent()).toBe('办理中');
    expect(await task.textContent()).toContain('三水区人民医院');
    await screenshot(page, 'joint-meeting-minutes');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('meeting-pdf').click()]);
    expect(download.suggestedFilename()).toBe(`联席会议纪要-${title}.pdf`);
    const file = await download.path();
    expect(fs.readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const tasks = await getJson<{ items: { title: string; meetingId: string; state: string }[] }>(contact.request, '/api/joint-meeting-tasks');
    expect(tasks.items.find((x) => x.meetingId === meetingId)).toMatchObject({ title: '医院派员对接并落实该需求', state: 'open' });
    await page.close();
  });
});
