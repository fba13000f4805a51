import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_RESIDENT_PHONE } from '../../seed/demo-resident.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { asResident } from './test-support.js';

/** The README names a demo phone for the H5 pages: signed in with it, a resident finds a demand of theirs to rate. */
describe('the demo resident phone', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(() => t.close());

  it('signs in by code and lists the resolved mailbox demand filed for it, which it may rate', async () => {
    const resident = await asResident(t, DEMO_RESIDENT_PHONE);
    const items = (await resident({ url: '/api/h5/demands' })).json().items as { id: string; title: string; state: string }[];
    expect(items.map((o) => [o.title, o.state])).toEqual([['楼道灯不亮', 'resolved']]);
    const detail = await resident({ url: `/api/h5/demands/${items[0]!.id}` });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({ state: 'resolved', canRate: true });
    expect(JSON.stringify(detail.json())).not.toContain(DEMO_RESIDENT_PHONE);
  });
});
