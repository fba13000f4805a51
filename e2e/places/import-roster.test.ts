import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, type PlaceRef } from '../support/api.js';
import { WAIT } from '../support/wait.js';
import { launchBrowser, screenshot, signedInContext } from '../support/browser.js';
import { beijiangGrids, createCompound, runTag, waitForPlace } from '../support/places.js';
import { largeRosterRows, ROSTER_HEADERS, rosterXlsx } from '../support/roster.js';

type Counts = { counts: Record<string, number> };
/** One state of the import modal as the page showed it: uploading (with its percent), processing, done or rejected. */
type Shown = { state: string; percent: number | null };

declare global {
  interface Window { rosterStates?: Shown[] }
}

/**
 * Records, inside the page, every state the roster modal shows, so a state that lasts a few milliseconds is not missed
 * between two polls from the test.
 */
function watchRosterModal() {
  const states: Shown[] = (window.rosterStates = []);
  const read = (): Shown | null => {
    const uploading = document.querySelector('[data-testid=roster-uploading]');
    if (uploading) {
      const bar = uploading.querySelector('[role=progressbar]');
      const value = bar?.getAttribute('aria-valuenow');
      return { state: 'uploading', percent: value === null || value === undefined ? null : Number(value) };
    }
    for (const state of ['processing', 'done', 'rejected']) if (document.querySelector(`[data-testid=roster-${state}]`)) return { state, percent: null };
    return null;
  };
  new MutationObserver(() => {
    const now = read();
    const last = states.at(-1);
    if (now && (!last || last.state !== now.state || last.percent !== now.percent)) states.push(now);
  }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
}

describe('importing a compound roster', () => {
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  let compound: PlaceRef;
  let grid: PlaceRef;
  beforeAll(async () => {
    browser = await launchBrowser();
    ctx = await signedInContext(browser, 'admin');
    page = await ctx.newPage();
    grid = (await beijiangGrids(page))[0]!;
    compound = await createCompound(page, grid.id, `花名册小区${runTag()}`);
  });
  afterAll(async () => browser?.close());

  async function upload(buffer: Buffer, name: string, into = compound) {
    await page.goto(`/places/${into.id}`);
    await waitForPlace(page, into.name);
    await page.getByTestId('roster-import').click();
    await page.evaluate(watchRosterModal);
    await page.locator('.ant-modal input[type=file]').setInputFiles({
      name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer,
    });
  }

  it('reports the bad row and creates nothing', async () => {
    const file = await rosterXlsx([
      ['1栋', '101', '张伟', '男', '户主', '13800138000', ''],
      ['1栋', '101', '李娜', '女', '配偶', '', ''],
      ['1栋', '102', '王芳', '未知', '户主', '', ''],
    ]);
    await upload(file, 'roster-bad.xlsx');
    const rejected = page.getByTestId('roster-rejected');
    await rejected.waitFor();
    const errors = rejected.getByTestId('roster-errors');
    const rows = errors.locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(1);
    const cells = await rows.first().locator('td').allTextContents();
    expect(cells[0]).toBe('4');
    expect(cells[1]).toBe('性别');
    expect(cells[2]).toContain('男');
    await screenshot(page, 'roster-rejected');

    const detail = await getJson<Counts>(page, `/api/places/${compound.id}`);
    expect(detail.counts).toMatchObject({ building: 0, household: 0, residents: 0 });
  });

  it('imports a good roster and reports what it created', async () => {
    const file = await rosterXlsx([
      ['1栋', '101', '张伟', '男', '户主', '13800138000', ''],
      ['1栋', '101', '李娜', '女', '配偶', '', ''],
      ['1栋', '102', '王芳', '女', '户主', '', ''],
    ]);
    await upload(file, 'roster-good.xlsx');
    const done = page.getByTestId('roster-done');
    await done.waitFor();
    expect(await done.textContent()).toContain('新建楼栋 1 栋、户 2 户、居民 3 人');
    await page.getByTestId('roster-close').click();

    await expect.poll(async () => page.getByTestId('count-residents').textContent()).toContain('3');
    await page.getByTestId('children-table').getByRole('link', { name: '1栋', exact: true }).waitFor();
    const detail = await getJson<Counts>(page, `/api/places/${compound.id}`);
    expect(detail.counts).toMatchObject({ building: 1, household: 2, residents: 3 });
  });

  it('exports the roster with Chinese headers and masked personal data', async () => {
    const download = page.waitForEvent('download');
    await page.getByTestId('roster-export').click();
    const file = await (await download).path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(ROSTER_HEADERS);
    const rows = [] as string[][];
    ws.eachRow((row, n) => n > 1 && rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows).toHaveLength(3);
    const zhang = rows.find((r) => r[2] === '张伟')!;
    expect(zhang.slice(0, 5)).toEqual(['1栋', '101', '张伟', '男', '户主']);
    expect(zhang[5]).toBe('138****8000');
  });

  it('shows the upload going up on a slow line, then the server at work, then what it created', async () => {
    const large = await createCompound(page, grid.id, `大花名册小区${runTag()}`);
    const households = 400;
    const file = await rosterXlsx(largeRosterRows(households));
    // A real slow line: Chrome itself sends the upload at about a sixth of the file a second, and answers arrive late.
    const cdp: CDPSession = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    try {
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 300, downloadThroughput: -1, uploadThroughput: Math.round(file.length / 6) });
      await upload(file, 'roster-large.xlsx', large);
      const uploading = page.getByTestId('roster-uploading');
      await uploading.waitFor();
      await expect.poll(() => uploading.locator('[role=progressbar]').getAttribute('aria-valuenow'))
        .toSatisfy((v: string | null) => Number(v) > 0 && Number(v) < 100);
      await screenshot(page, 'roster-uploading');
      // The slow line itself takes about six seconds on top of the import.
      await page.getByTestId('roster-done').waitFor({ timeout: 2 * WAIT }).catch(async (err: Error) => {
        // Say what the dialog went through and shows now, so a failure on CI tells where the import stopped.
        const states = await page.evaluate(() => window.rosterStates ?? []);
        const modal = await page.locator('.ant-modal').last().textContent().catch(() => '(no dialog)');
        throw new Error(`${err.message}\nstates shown: ${JSON.stringify(states.slice(-5))}\ndialog reads: ${modal}`);
      });
    } finally {
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
      await cdp.detach();
    }

    const shown = (await page.evaluate(() => window.rosterStates ?? []));
    const steps = shown.map((s) => s.state).filter((s, i, all) => s !== all[i - 1]);
    expect(steps).toEqual(['uploading', 'processing', 'done']);
    const percents = shown.filter((s) => s.state === 'uploading').map((s) => s.percent ?? 0);
    expect(percents.filter((p) => p > 0 && p < 100).length).toBeGreaterThanOrEqual(2);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(await page.getByTestId('roster-done').textContent()).toContain(`新建楼栋 ${households / 40} 栋、户 ${households} 户、居民 ${households * 3} 人`);
    const detail = await getJson<Counts>(page, `/api/places/${large.id}`);
    expect(detail.counts).toMatchObject({ building: households / 40, household: households, residents: households * 3 });
  });
});
