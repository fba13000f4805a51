import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, placeByName, type Client, type TestApp } from '../../test/harness.js';
import { fileOne, step } from '../work-orders/test-support.js';

/** A partner unit's or department's contact is an account linked to its unit (users.unit_id). */
describe('linking a contact account to a unit', () => {
  let t: TestApp;
  let community: Client;
  let communityId: string;
  let hospitalId: string;
  let cgId: string;
  let schoolId: string;
  let outsideUnitId: string;
  const password = 'Welcome!2026';
  beforeAll(async () => {
    t = await createTestApp();
    community = await t.as('beijiang');
    const db = t.ctx.handle.db;
    communityId = (await placeByName(t, '北江社区')).id;
    hospitalId = (await db.selectFrom('units').select('id').where('name', '=', '三水区人民医院').executeTakeFirstOrThrow()).id;
    cgId = (await db.selectFrom('units').select('id').where('name', '=', '城管执法中队').executeTakeFirstOrThrow()).id;
    schoolId = (await db.selectFrom('units').select('id').where('name', '=', '西南中学').executeTakeFirstOrThrow()).id;
    // A partner unit of another community: outside 北江社区's scope.
    const other = await placeByName(t, '沙头社区');
    const now = new Date().toISOString();
    outsideUnitId = 'outsideunit00001';
    await db.insertInto('units').values({ id: outsideUnitId, kind: 'partner_unit', name: '沙头小学', place_id: other.id, place_path: other.path, version: 1, created_at: now, updated_at: now }).execute();
  });
  afterAll(() => t.close());
  const create = (username: string, extra: Record<string, unknown>, role = 'partner_contact') =>
    community({ method: 'POST', url: '/api/users', payload: { username, displayName: '联络人', password, roles: [{ role, placeId: communityId }], ...extra } });
  const userRow = (username: string) => t.ctx.handle.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();

  it('creates a partner contact linked to a unit, who is then called in with it', async () => {
    const res = await create('hospital_2', { unitId: hospitalId });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ username: 'hospital_2', unitId: hospitalId });
    expect((await community({ url: `/api/users/${res.json().id}` })).json().unitId).toBe(hospitalId);
    const created = (await community({ url: `/api/timeline/user/${res.json().id}` })).json().items[0];
    expect(created).toMatchObject({ action: 'create', to: { unitId: hospitalId } });
    // The link is what a call-in reaches: the new contact sees the order and may report in.
    const grid1 = await t.as('grid1');
    const street = await t.as('xinan');
    const order = await fileOne(grid1, t);
    const grid1Id = (await userRow('grid1'))!.id;
    await step(community, order.id, 'accept');
    await step(community, order.id, 'dispatch', { assignee: { kind: 'user', id: grid1Id } });
    await step(grid1, order.id, 'take');
    await step(street, order.id, 'call-in', { unitIds: [hospitalId], reason: '需医院协同' });
    const contact = await t.as('hospital_2', password);
    expect((await contact({ url: '/api/work-orders?mine=true' })).json().items.map((o: { id: string }) => o.id)).toContain(order.id);
    expect((await contact({ url: `/api/work-orders/${order.id}` })).json().actions).toContain('report_in');
  });

  it('answers 422 for a unit on an account without the partner_contact role, 404 for a unit unknown or outside the scope; writes nothing', async () => {
    const notContact = await create('x_unit_role', { unitId: hospitalId }, 'community_worker');
    expect(notContact.statusCode).toBe(422);
    expect(notContact.json()).toMatchObject({ code: 'unit_needs_partner_contact', field: 'unitId', message: { zh: expect.any(String), en: expect.any(String) } });
    const unknown = await create('x_unit_unknown', { unitId: 'nosuchunit000001' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ field: 'unitId' });
    const outside = await create('x_unit_outside', { unitId: outsideUnitId });
    expect(outside.statusCode).toBe(404);
    expect(JSON.stringify(outside.json())).not.toContain('沙头小学');
    for (const u of ['x_unit_role', 'x_unit_unknown', 'x_unit_outside']) expect(await userRow(u)).toBeUndefined();
    // Without a unit a contact is still created (linked later).
    expect((await create('contact_nounit', {})).json()).toMatchObject({ unitId: null });
  });

  it('lists for the unit picker only the units inside the caller’s subtree', async () => {
    const names = async (url: string) => (await community({ url })).json().items.map((u: { name: string }) => u.name).sort();
    expect(await names('/api/units')).toContain('城管执法中队');
    const linkable = await names('/api/units?within=true');
    expect(linkable).toContain('三水区人民医院');
    expect(linkable).not.toContain('城管执法中队');
    expect(linkable).not.toContain('沙头小学');
  });

  it('links, relinks and unlinks on edit, and keeps the link only with the partner_contact role', async () => {
    const id = (await userRow('contact_nounit'))!.id;
    const version = () => userRow('contact_nounit').then((u) => u!.version);
    const patch = async (body: Record<string, unknown>) => community({ method: 'PATCH', url: `/api/users/${id}`, payload: { version: await version(), ...body } });
    // A street department is over the community: visible, but linking it would open the street's orders, so 404.
    const above = await patch({ unitId: cgId });
    expect(above.statusCode).toBe(404);
    expect(above.json()).toMatchObject({ code: 'not_found', field: 'unitId' });
    expect((await patch({ unitId: outsideUnitId })).statusCode).toBe(404);
    expect(await userRow('contact_nounit')).toMatchObject({ unit_id: null });
    const linked = await patch({ unitId: hospitalId });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().unitId).toBe(hospitalId);
    const update = (await community({ url: `/api/timeline/user/${id}` })).json().items.find((e: { action: string }) => e.action === 'update');
    expect(update).toMatchObject({ from: { unitId: null }, to: { unitId: hospitalId } });
    const relinked = await patch({ unitId: schoolId });
    expect(relinked.json().unitId).toBe(schoolId);
    // Dropping the role while the link stays is refused; dropping both together is fine.
    const before = await version();
    const dropRole = await patch({ roles: [{ role: 'community_worker', placeId: communityId }] });
    expect(dropRole.statusCode).toBe(422);
    expect(dropRole.json().code).toBe('unit_needs_partner_contact');
    expect(await userRow('contact_nounit')).toMatchObject({ unit_id: schoolId, version: before });
    const unlinked = await patch({ roles: [{ role: 'community_worker', placeId: communityId }], unitId: null });
    expect(unlinked.json()).toMatchObject({ unitId: null, roles: [{ role: 'community_worker' }] });
  });
});
