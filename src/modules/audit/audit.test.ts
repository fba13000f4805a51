import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, placeByName, type Client, type TestApp } from '../../test/harness.js';

describe('the audit log', () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.as('admin');
  });
  afterAll(() => t.close());

  it('filters by person, record, action and time', async () => {
    const grid = await t.as('grid1');
    const household = (await grid({ url: '/api/residents?limit=1' })).json().items[0];
    await grid({ method: 'POST', url: `/api/residents/${household.id}/reveal`, payload: { field: 'idNumber', reason: '核实身份' } });
    const byPerson = (await admin({ url: '/api/audit?username=grid1&action=reveal' })).json();
    expect(byPerson.total).toBe(1);
    expect(byPerson.items[0]).toMatchObject({ entityType: 'resident', entityId: household.id, reason: '核实身份', actorName: '北江社区第1网格员', to: { field: 'idNumber' } });
    const byRecord = (await admin({ url: `/api/audit?entityType=resident&entityId=${household.id}` })).json();
    expect(byRecord.items.map((e: { action: string }) => e.action)).toEqual(['reveal', 'create']);
    const today = new Date().toISOString().slice(0, 10);
    expect((await admin({ url: `/api/audit?username=grid1&from=${today}&to=${today}` })).json().total).toBeGreaterThanOrEqual(2);
    expect((await admin({ url: '/api/audit?username=grid1&to=2020-01-01' })).json().total).toBe(0);
    const badDate = await admin({ url: '/api/audit?from=yesterday' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().field).toBe('from');
  });

  it('is read by office heads only', async () => {
    const grid = await t.as('grid1');
    expect((await grid({ url: '/api/audit' })).statusCode).toBe(403);
    expect((await grid({ url: '/api/users' })).statusCode).toBe(403);
    const place = await placeByName(t, '北江社区第1网格');
    expect((await grid({ url: `/api/timeline/place/${place.id}` })).statusCode).toBe(200);
  });
});
