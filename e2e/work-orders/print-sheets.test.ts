import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '../support/api.js';
import { launchBrowser, signedInContext } from '../support/browser.js';

interface Listed { items: { id: string; trackingNo: string; title: string; state: string }[] }
interface Timeline { items: { id: string }[] }

/** The pages a PDF of the sheet takes: each page object of the file is one `/Type /Page` entry. */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

// The office prints an order and its follow-up sheet on A4, in Chinese, from the order's page.
describe('the office prints an order', () => {
  let browser: Browser;
  let office: BrowserContext;
  let order: Listed['items'][number];

  beforeAll(async () => {
    browser = await launchBrowser();
    office = await signedInContext(browser, 'beijiang');
    // The building head's mailbox demand that went all the way round (demo seed): it has every step to print.
    const listed = await getJson<Listed>(office.request, `/api/work-orders?q=${encodeURIComponent('楼道堆放杂物')}&limit=5`);
    order = listed.items.find((o) => o.state === 'closed')!;
    expect(order).toBeDefined();
  });
  afterAll(async () => browser?.close());

  const openSheet = async (page: Page, menuItem: string) => {
    await page.goto(`/work-orders/${order.id}`);
    await page.getByTestId('work-order-title').waitFor();
    await page.getByTestId('print-menu').hover();
    await page.getByTestId(menuItem).click();
    await page.getByTestId('print-title').waitFor();
  };

  it('the order sheet: its facts, every step as a sentence, lines to sign, on one A4 page', async () => {
    const page = await office.newPage();
    await openSheet(page, 'print-order');
    expect(await page.getByTestId('print-title').textContent()).toBe('接诉即办工单处理单');
    const sheet = (await page.locator('.print-sheet').textContent())!;
    for (const text of [order.trackingNo, '北江社区', '楼长信箱', '已关闭', '承办人(签字)', '已联系物业清理杂物']) expect(sheet).toContain(text);
    const steps = await getJson<Timeline>(page, `/api/timeline/work_order/${order.id}`);
    await expect.poll(() => page.getByTestId('print-process').locator('tbody tr').count()).toBe(steps.items.length);
    // Read as sentences: no key, id or JSON on the paper.
    expect(sheet).not.toMatch(/work_order|follow_up|undefined|null|[{}]|[0-9a-z]{20,}/);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('print-now').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    expect(pdfPages(pdf)).toBe(1);
    await page.close();
  });

  it('the follow-up sheet: what was asked and answered, and boxes to tick on the call', async () => {
    const page = await office.newPage();
    await openSheet(page, 'print-follow-up');
    expect(await page.getByTestId('print-title').textContent()).toBe('接诉即办回访记录单');
    const sheet = (await page.locator('.print-sheet').textContent())!;
    for (const text of [order.trackingNo, '刘芳', '已联系物业清理杂物', '□ 满意', '□ 基本满意', '□ 不满意', '回访人']) expect(sheet).toContain(text);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdfPages(pdf)).toBe(1);
    await page.close();
  });

  it('is “not found” for a grid worker of another grid', async () => {
    const other = await signedInContext(browser, 'grid2');
    const page = await other.newPage();
    await page.goto(`/work-orders/${order.id}/print/order`);
    await page.getByTestId('print-error').waitFor();
    expect(await page.getByTestId('print-error').textContent()).toContain('不存在');
    await other.close();
  });
});
