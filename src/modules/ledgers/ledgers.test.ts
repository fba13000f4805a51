import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';

describe('the ledgers page lists what the caller may export', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const keys = async (username: string) => ((await (await t.as(username))({ url: '/api/ledgers' })).json().items as { key: string }[]).map((l) => l.key).sort();

  it('gives a community worker the roster and the rates, a grid worker only the roster, a resident none', async () => {
    expect(await keys('beijiang')).toEqual(expect.arrayContaining(['rates', 'roster']));
    expect(await keys('grid1')).toContain('roster');
    expect(await keys('grid1')).not.toContain('rates');
    expect(await keys('jumin')).toEqual([]);
    const item = (await (await t.as('beijiang'))({ url: '/api/ledgers' })).json().items.find((l: { key: string }) => l.key === 'roster');
    expect(item).toMatchObject({ module: 'residents', title: { zh: '居民花名册', en: expect.any(String) }, href: '/api/places/{placeId}/roster.xlsx', params: ['placeId'] });
  });

  it('asks for a session', async () => {
    expect((await t.app.inject({ url: '/api/ledgers' })).statusCode).toBe(401);
  });
});
