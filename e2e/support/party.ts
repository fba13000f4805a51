import type { BrowserContext, Page } from 'playwright-core';

/** Opens 党员, finds the member by name and opens their drawer. */
export async function openMemberDrawer(office: BrowserContext, name: string): Promise<Page> {
  const page = await office.newPage();
  await page.goto('/party-members');
  await page.getByPlaceholder('搜索姓名').fill(name);
  await page.getByPlaceholder('搜索姓名').press('Enter');
  await page.getByTestId('member-row').filter({ hasText: name }).click();
  await page.getByTestId('member-drawer').waitFor();
  return page;
}
