import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { places } from '../open311/test-support.js';

describe('API keys for the 12345 push and Open311 clients', () => {
  let t: TestApp;
  let street: Client;
  let community: Client;
  let admin: Client;
  let where: Awaited<ReturnType<typeof places>>;
  const pushWith = (key: string) => t.app.inject({ method: 'POST', url: '/api/hotline/orders', headers: { 'x-api-key': key }, payload: {} });

  beforeAll(async () => {
    t = await createTestApp();
    [street, community, admin] = await Promise.all([t.as('xinan'), t.as('beijiang'), t.as('admin')]);
    where = await places(t);
  });
  afterAll(() => t.close());

  it('issues a key once, stores only its hash, lists it without the key, and revokes it', async () => {
    const issued = await street({ method: 'POST', url: '/api/api-keys', payload: { name: '三水区12345平台' } });
    expect(issued.statusCode, issued.body).toBe(201);
    const { id, key, placeName } = issued.json();
    expect(key).toMatch(/^og_[\w-]{43}$/);
    expect(placeName).toBe('西南街道');
    const stored = await t.ctx.handle.db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(key);
    const listed = (await street({ url: '/api/api-keys' })).json().items;
    expect(listed.find((k: { id: string }) => k.id === id)).toMatchObject({ name: '三水区12345平台', revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(key);
    // The key works (the empty body is then refused as malformed), until it is revoked.
    expect((await pushWith(key)).statusCode).toBe(400);
    const revoked = await street({ method: 'POST', url: `/api/api-keys/${id}/revoke`, payload: { reason: '平台更换密钥' } });
    expect(revoked.json().revokedAt).toEqual(expect.any(String));
    expect((await pushWith(key)).statusCode).toBe(401);
    const open311 = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: `api_key=${key}&service_code=noise`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(open311.statusCode).toBe(403);
    expect((await street({ method: 'POST', url: `/api/api-keys/${id}/revoke`, payload: {} })).json().code).toBe('already_revoked');
    const events = (await street({ url: `/api/timeline/api_key/${id}` })).json().items.map((e: { action: string }) => e.action);
    expect(events).toEqual(['issue', 'revoke']);
  });

  it('binds a key to a community on request; a community worker may not issue, and nobody issues outside their area', async () => {
    const forCommunity = await street({ method: 'POST', url: '/api/api-keys', payload: { name: '社区小程序', placeId: where.community.id } });
    expect(forCommunity.json()).toMatchObject({ placeId: where.community.id, placeName: '北江社区' });
    expect((await street({ method: 'POST', url: '/api/api-keys', payload: { name: 'x', placeId: where.compound.id } })).json().code).toBe('wrong_place_level');
    expect((await street({ method: 'POST', url: '/api/api-keys', payload: { name: 'x', placeId: where.outside.id } })).statusCode).toBe(404);
    expect((await community({ method: 'POST', url: '/api/api-keys', payload: { name: 'x' } })).statusCode).toBe(403);
    expect((await community({ method: 'POST', url: '/api/api-keys', payload: { name: 'x', placeId: where.outside.id } })).statusCode).toBe(404);
    expect((await community({ url: '/api/api-keys' })).statusCode).toBe(403);
    expect((await admin({ url: `/api/api-keys?placeId=${where.community.id}` })).json().items.map((k: { name: string }) => k.name)).toEqual(['社区小程序']);
  });
});
