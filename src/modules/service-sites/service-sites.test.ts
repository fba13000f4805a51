import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, placeByName, type Client, type TestApp } from '../../test/harness.js';

type Site = { id: string; kind: string; name: string; placeId: string; hours: string; lng: number | null; lat: number | null; state: string; version: number; actions: string[] };
type PublicPage = { serviceSites: { kind: string; name: string; address: string; hours: string; services: string }[] };

describe('service centres and service points (党群服务中心 / 便民服务点)', () => {
  let t: TestApp;
  let beijiang: Client;
  let grid1: Client;
  let compound: { id: string; path: string; name: string };
  let qrKey: string;
  const db = () => t.ctx.handle.db;

  beforeAll(async () => {
    t = await createTestApp();
    beijiang = await t.as('beijiang');
    grid1 = await t.as('grid1');
    const g = await placeByName(t, '北江社区第1网格');
    compound = await db().selectFrom('places').select(['id', 'path', 'name']).where('level', '=', 'compound').where('path', 'like', `${g.path}%`).orderBy('path').executeTakeFirstOrThrow();
    qrKey = (await db().selectFrom('party_public_keys').select('key').where('subject_type', '=', 'compound').where('subject_id', '=', compound.id).executeTakeFirstOrThrow()).key;
  });
  afterAll(() => t.close());

  const create = (payload: Record<string, unknown>, who = beijiang) => who({ method: 'POST', url: '/api/service-sites', payload });
  const publicSites = async () => ((await t.app.inject({ url: `/api/public/compounds/${qrKey}` })).json() as PublicPage).serviceSites;

  it('registers a service point on a compound with its point, lists it, and the compound’s QR page shows it without sign-in', async () => {
    const res = await create({ kind: 'service_point', placeId: compound.id, name: '测试便民修鞋点', address: '小区东门', hours: '每天 8:00-18:00',
      services: '修鞋、配钥匙', lng: 112.8712345, lat: 23.1612345 });
    expect(res.statusCode, res.body).toBe(201);
    const site = res.json() as Site;
    expect(site).toMatchObject({ kind: 'service_point', state: 'open', version: 1, lng: 112.8712345, lat: 23.1612345 });
    expect(site.actions.sort()).toEqual(['close', 'edit']);
    const list = (await beijiang({ url: `/api/service-sites?placeId=${compound.id}&kind=service_point` })).json() as { items: Site[]; total: number };
    expect(list.items.map((s) => s.name)).toContain('测试便民修鞋点');
    // A grid worker reads the sites of the grid, takes no step.
    const seen = (await grid1({ url: `/api/service-sites/${site.id}` })).json() as Site;
    expect(seen.actions).toEqual([]);
    expect((await grid1({ method: 'POST', url: `/api/service-sites/${site.id}/close`, payload: { version: 1, reason: '网格员停用' } })).statusCode).toBe(403);
    // The public page: the compound's own point first, then the community's station and the street's centre; no ids.
    const sites = await publicSites();
    expect(sites.find((s) => s.name === '测试便民修鞋点')).toEqual({ kind: 'service_point', name: '测试便民修鞋点', address: '小区东门', hours: '每天 8:00-18:00', services: '修鞋、配钥匙' });
    expect(sites.slice(-2).map((s) => s.name)).toEqual(['北江社区党群服务站', '西南街道党群服务中心']);
    expect(sites.slice(0, -2).every((s) => s.kind === 'service_point')).toBe(true);
    expect(sites.map((s) => s.name).filter((n) => n.includes('沙头社区'))).toEqual([]);
  });

  it('edits at the read version (409 for the stale one), closes with a reason (gone from the public page) and reopens; each step is an event', async () => {
    const site = (await create({ kind: 'service_point', placeId: compound.id, name: '测试平价菜店' })).json() as Site;
    const step = (action: string, body: Record<string, unknown>) => beijiang({ method: 'POST', url: `/api/service-sites/${site.id}/${action}`, payload: body });
    const [a, b] = await Promise.all([step('edit', { version: 1, hours: '7:00-20:00' }), step('edit', { version: 1, hours: '8:00-21:00' })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect((await step('edit', { version: 2, lng: null, lat: null, name: '测试平价果蔬店' })).json()).toMatchObject({ name: '测试平价果蔬店', lng: null, version: 3 });
    expect((await publicSites()).map((s) => s.name)).toContain('测试平价果蔬店');
    expect((await step('close', { version: 3 })).statusCode).toBe(400);
    expect((await step('close', { version: 3, reason: '店铺搬迁' })).json()).toMatchObject({ state: 'closed' });
    expect((await publicSites()).map((s) => s.name)).not.toContain('测试平价果蔬店');
    expect((await step('edit', { version: 4, hours: '全天' })).statusCode).toBe(409);
    expect((await step('reopen', { version: 4 })).json()).toMatchObject({ state: 'open' });
    const events = await db().selectFrom('events').select(['action', 'reason']).where('entity_type', '=', 'service_site').where('entity_id', '=', site.id).orderBy('id').execute();
    expect(events.map((e) => e.action)).toEqual(['create', 'edit', 'edit', 'close', 'reopen']);
    expect(events[3]!.reason).toBe('店铺搬迁');
    const timeline = await beijiang({ url: `/api/timeline/service_site/${site.id}` });
    expect(timeline.statusCode, timeline.body).toBe(200);
  });

  it('refuses bad input with the field named and writes nothing: a household (422), half a point, a long name, another community (404)', async () => {
    const before = Number((await db().selectFrom('service_sites').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const household = await db().selectFrom('places').select('id').where('level', '=', 'household').where('path', 'like', `${compound.path}%`).executeTakeFirstOrThrow();
    const onHome = await create({ kind: 'service_point', placeId: household.id, name: '家里便民点' });
    expect([onHome.statusCode, onHome.json().field]).toEqual([422, 'placeId']);
    const half = await create({ kind: 'service_point', placeId: compound.id, name: '半个坐标', lng: 112.9 });
    expect([half.statusCode, half.json().field]).toEqual([400, 'lat']);
    expect(half.json().message.zh).toBe('经度和纬度须同时填写');
    const long = await create({ kind: 'service_centre', placeId: compound.id, name: '长'.repeat(51) });
    expect([long.statusCode, long.json().field]).toEqual([400, 'name']);
    expect((await create({ kind: 'service_stall', placeId: compound.id, name: '未知种类' })).statusCode).toBe(400);
    const shatou = await placeByName(t, '沙头社区');
    expect((await create({ kind: 'service_point', placeId: shatou.id, name: '越权便民点' })).statusCode).toBe(404);
    expect((await create({ kind: 'service_point', placeId: compound.id, name: '网格员登记' }, grid1)).statusCode).toBe(403);
    const after = Number((await db().selectFrom('service_sites').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(after).toBe(before);
  });
});
