import type { Page } from 'playwright-core';
import { getJson, postJson, type PlaceRef } from './api.js';

/** The grids of 北江社区, the demo community every test works in. */
export async function beijiangGrids(page: Page): Promise<PlaceRef[]> {
  const found = await getJson<{ items: PlaceRef[] }>(page, `/api/places/search?q=${encodeURIComponent('北江社区')}&level=community`);
  const community = found.items[0];
  if (!community) throw new Error('北江社区 is not in the demo data');
  return (await getJson<{ items: PlaceRef[] }>(page, `/api/places/${community.id}/children?limit=50`)).items;
}

/** A fresh compound for a test to work on, created through the API. */
export async function createCompound(page: Page, gridId: string, name: string): Promise<PlaceRef> {
  return postJson<PlaceRef>(page, '/api/places', { parentId: gridId, level: 'compound', name, compoundType: 'property_managed' });
}

/** Short and unique enough to tell this run's records apart (the PostgreSQL test database may be reused). */
export const runTag = () => Date.now().toString(36).slice(-5);

/** Waits for the place page to show `name`. */
export async function waitForPlace(page: Page, name: string): Promise<void> {
  await page.getByTestId('place-name').filter({ hasText: name }).waitFor();
}
