import ExcelJS from 'exceljs';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, settled, signedInContext } from '../support/browser.js';
import { WAIT } from '../support/wait.js';
import { chooseOption } from '../support/work-orders.js';

const chinaDay = (daysAgo: number) => new Date(Date.now() + 8 * 3600_000 - daysAgo * 86400_000).toISOString().slice(0, 10);
/** A city platform's headers: 居民诉求正文 is no synonym of any field, so the street maps it by hand. */
const HEADERS = ['序号', '工单号', '受理时间', '诉求性质', '一级分类', '二级分类', '三级分类', '居民诉求正文', '联系人', '来电号码', '所属社区', '紧急程度', '是否保密'];

async function platformExport(tag: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工单明细');
  ws.addRow(['市12345政务服务便民热线工单明细表']);
  ws.addRow(HEADERS);
  // The critical one was received earlier, yet it is the one the inbox shows first.
  ws.addRow(['1', `${tag}-1`, `${chinaDay(3)} 09:00`, '投诉', '城乡建设', '环境保护', '噪音扰民', `${tag} 工地夜间施工噪音扰民`, '王秀英', '13922223333', '北江社区', '特急', '是']);
  ws.addRow(['2', `${tag}-2`, `${chinaDay(1)} 09:00`, '求助', '城乡建设', '市政设施', '路灯损坏', `${tag} 小区门口路灯不亮`, '陈国强', '13700001111', '北江社区', '一般', '否']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the street imports a 12345 export as the platform emits it', () => {
  let browser: Browser;
  let street: BrowserContext;
  const tag = `HL${Date.now().toString(36).slice(-6).toUpperCase()}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    street = await signedInContext(browser, 'xinan');
  });
  afterAll(async () => browser?.close());

  it('corrects the one column the synonyms missed, imports, and finds the critical order first in its inbox, confidential', async () => {
    const page = await street.newPage();
    await page.goto('/work-orders');
    await page.getByTestId('hotline-open').click();
    const dialog = await settled(page.locator('.ant-modal').filter({ has: page.getByTestId('hotline-source') }));
    // A source of this run's own, so a rerun on kept data does not find the mapping remembered.
    await dialog.getByRole('combobox').fill(`市12345平台 ${tag}`);
    await dialog.locator('input[type=file]').setInputFiles({ name: '12345导出.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await platformExport(tag) });

    await page.getByTestId('hotline-mapping').waitFor();
    expect(await page.getByTestId('hotline-missing').textContent()).toContain('诉求内容');
    expect(await page.getByTestId('hotline-import').isDisabled()).toBe(true);
    const row = page.locator('[data-testid=mapping-row][data-header="居民诉求正文"]');
    expect(await row.textContent()).toContain('忽略');
    await page.getByTestId('mapping-H').click();
    await chooseOption(page, '诉求内容');
    await page.getByTestId('hotline-missing').waitFor({ state: 'detached' });
    // Each column shows what it holds, and the first rows read as the corrected mapping reads them; phones stay masked.
    expect(await row.textContent()).toContain('工地夜间施工噪音扰民');
    const preview = page.getByTestId('hotline-preview-rows');
    await preview.getByRole('columnheader', { name: '诉求内容' }).waitFor();
    const firstRow = preview.locator('tbody tr.ant-table-row').first();
    expect(await firstRow.textContent()).toContain(`${tag} 工地夜间施工噪音扰民`);
    expect(await firstRow.textContent()).toContain('139****3333');
    expect(await page.getByTestId('hotline-mapping').textContent()).not.toContain('13922223333');
    await screenshot(page, 'hotline-mapping');
    await page.getByTestId('hotline-import').click();
    const done = page.getByTestId('hotline-done');
    await done.waitFor({ timeout: WAIT });
    expect(await done.textContent()).toContain('新建 2 件');
    await page.getByTestId('hotline-close').click();

    // The next import offers the source whose mapping is now remembered.
    await page.getByTestId('hotline-open').click();
    const again = await settled(page.locator('.ant-modal').filter({ has: page.getByTestId('hotline-source') }));
    await again.getByRole('combobox').fill('');
    await again.getByRole('combobox').click();
    const remembered = page.locator('.ant-select-item-option').filter({ hasText: `市12345平台 ${tag}` });
    await remembered.waitFor();
    expect(await remembered.textContent()).toContain('已记住 12 列对应');
    // A click the dropdown's animation swallows is tried again (chooseOption).
    await chooseOption(page, `市12345平台 ${tag}`);
    await expect.poll(() => again.getByRole('combobox').inputValue()).toBe(`市12345平台 ${tag}`);
    await page.getByTestId('hotline-close').click();
    await again.waitFor({ state: 'hidden' });

    await page.goto(`/work-orders?tab=mine&q=${tag}`);
    const rows = page.getByTestId('work-order-row');
    await expect.poll(() => rows.count(), { timeout: WAIT }).toBe(2);
    const first = rows.first();
    expect(await first.textContent()).toContain('工地夜间施工噪音扰民');
    expect(await first.getByTestId('urgency').textContent()).toBe('特急');
    expect(await first.getByTestId('confidential').textContent()).toBe('保密');
    expect(await rows.nth(1).getByTestId('urgency').count()).toBe(0);
    await screenshot(page, 'hotline-inbox-urgent-first');

    // On the order's page the reporter reads 保密 until the office reveals it, with a reason.
    await first.getByRole('link').first().click();
    await page.getByTestId('work-order-detail').waitFor();
    expect(await page.getByTestId('reporter-name-masked').textContent()).toBe('保密');
    expect(await page.getByTestId('order-urgency').textContent()).toBe('特急');
    await page.getByTestId('reporter-name-reveal').click();
    const reveal = await settled(page.locator('.ant-modal').filter({ has: page.locator('textarea') }));
    await reveal.locator('textarea').fill('回访核实诉求');
    await reveal.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByTestId('reporter-name-value').waitFor();
    expect(await page.getByTestId('reporter-name-value').textContent()).toContain('王秀英');
    await page.close();
  });
});
