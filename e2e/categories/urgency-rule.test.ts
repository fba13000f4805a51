import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '../support/api.js';
import { launchBrowser, settled, signedInContext } from '../support/browser.js';

interface Category { id: string; code: string; urgentDays: number | null; criticalDays: number | null; name: string }

describe('the district admin sets a category’s urgency time limits', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await signedInContext(browser, 'admin')).newPage();
  });
  afterAll(async () => browser?.close());

  it('from the catalogue page: a critical limit longer than the urgent one is refused, the saved rule shows and reads on the timeline', async () => {
    await page.goto('/workbench');
    await page.getByRole('menuitem', { name: /诉求分类/ }).click();
    await page.waitForURL(/\/categories$/);
    const row = page.getByTestId('categories-table').locator('tbody tr.ant-table-row').filter({ hasText: 'parking' });
    await row.waitFor();
    expect(await row.textContent()).toContain('默认(正常时限的一半)');

    await row.getByTestId('category-edit-parking').click();
    const form = await settled(page.getByTestId('category-form'));
    await form.getByLabel('紧急办结时限').fill('2');
    await form.getByLabel('特急办结时限').fill('3');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await form.getByText('特急时限不能长于紧急时限').waitFor();

    await form.getByLabel('特急办结时限').fill('1');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存').first().waitFor();
    await row.filter({ hasText: '2 个工作日' }).filter({ hasText: '1 个工作日' }).waitFor();
    const saved = (await getJson<{ items: Category[] }>(page, '/api/categories')).items.find((c) => c.code === 'parking')!;
    expect(saved).toMatchObject({ urgentDays: 2, criticalDays: 1 });

    await row.getByRole('button', { name: '时间线' }).click();
    const event = page.getByTestId('timeline-event').filter({ hasText: '紧急办结时限' });
    await event.first().waitFor();
    expect(await event.first().textContent()).toContain('特急办结时限');
  });
});
