import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '../support/api.js';
import { launchBrowser, signedInContext } from '../support/browser.js';

// 台账: 北江社区's worker exports the needs list, the resources list and the partner units register from each page's
// 导出台账 button; each file has the page's rows under its Chinese headers.
describe('the three lists’ ledgers from their pages', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await signedInContext(browser, 'beijiang')).newPage();
  });
  afterAll(async () => browser?.close());

  /** Clicks the button and reads the sheet it downloads: its name, header and first column. */
  async function download(testId: string) {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await file.path());
    const ws = wb.worksheets[0]!;
    const first: string[] = [];
    ws.eachRow((row, n) => { if (n > 1) first.push(String(row.getCell(1).value ?? '')); });
    return { name: ws.name, header: (ws.getRow(1).values as unknown[]).slice(1), first, fileName: file.suggestedFilename() };
  }

  it('the needs list', async () => {
    await page.goto('/needs');
    await page.getByTestId('needs-export').waitFor();
    const sheet = await download('needs-export');
    expect(sheet.name).toBe('需求清单');
    expect(sheet.fileName).toMatch(/北江社区.*需求清单.*\.xlsx$/);
    expect(sheet.header.slice(0, 3)).toEqual(['需求', '类别', '紧急程度']);
    const listed = await getJson<{ items: { title: string }[]; total: number }>(page, '/api/needs?limit=5');
    expect(sheet.first).toHaveLength(listed.total);
    expect(sheet.first.slice(0, 5)).toEqual(listed.items.map((n) => n.title));
  });

  it('the resources list, with each resource’s schedule', async () => {
    await page.goto('/resources');
    const sheet = await download('resources-export');
    expect(sheet.name).toBe('资源清单');
    expect(sheet.header).toContain('服务时间');
    expect(sheet.header).toContain('服务条件');
    expect(sheet.first.length).toBe((await getJson<{ total: number }>(page, '/api/resources?limit=1')).total);
  });

  it('the partner units register, with their agreements', async () => {
    await page.goto('/partner-units');
    const sheet = await download('units-export');
    expect(sheet.name).toBe('共建单位');
    expect(sheet.header).toContain('协议状态');
    expect(sheet.first).toContain('三水区人民医院');
  });
});
