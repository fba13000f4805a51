import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, type PlaceRef } from '../support/api.js';
import { launchBrowser, screenshot, signedInContext } from '../support/browser.js';
import { beijiangGrids, createCompound, runTag, waitForPlace } from '../support/places.js';
import { ROSTER_HEADERS, rosterXlsx } from '../support/roster.js';

type Counts = { counts: Record<string, number> };

describe('importing a compound roster', () => {
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  let compound: PlaceRef;
  beforeAll(async () => {
    browser = await launchBrowser();
    ctx = await signedInContext(browser, 'admin');
    page = await ctx.newPage();
    const grid = (await beijiangGrids(page))[0]!;
    compound = await createCompound(page, grid.id, `花名册小区${runTag()}`);
  });
  afterAll(async () => browser?.close());

  async function upload(buffer: Buffer, name: string) {
    await page.goto(`/places/${compound.id}`);
    await waitForPlace(page, compound.name);
    await page.getByTestId('roster-import').click();
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
});
