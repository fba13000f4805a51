import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, placeByName, type Client, type TestApp } from '../../test/harness.js';

type Outline = { type: 'Polygon'; coordinates: number[][][] };
type Site = {
  id: string; kind: string; name: string; placeId: string; hours: string; lng: number | null; lat: number | null; outline: Outline | null; state: string; version: number;
  actions: string[];
};
/** A square of `d` degrees centred on (lng, lat), as GeoJSON. */
const square = ([lng, lat]: number[], d: number): Outline => ({
  type: 'Polygon', coordinates: [[[lng! - d, lat! - d], [lng! + d, lat! - d], [lng! + d, lat! + d], [lng! - d, lat! + d], [lng! - d, lat! - d]]],
});
// Outside the demo street (and so outside every compound, grid and community of it), inside China.
const FAR = { lng: 112.5, lat: 23.5 };
type PublicPage = { serviceSites: { kind: string; name: string; address: string; hours: string; services: string }[] };

describe('service centres and service points (党群服务中心 / 便民服务点)', () => {
  let t: TestApp;
  let beijiang: Client;
  let grid1: Client;
  let compound: { id: string; path: string; name: string };
  /** The compound's own point (inside its outline), to 7 decimals. */
  let at: [number, number];
  let qrKey: string;
  const db = () => t.ctx.handle.db;

  beforeAll(async () => {
    t = await createTestApp();
    beijiang = await t.as('beijiang');
    grid1 = await t.as('grid1');
    const g = await placeByName(t, '北江社区第1网格');
    compound = await db().selectFrom('places').select(['id', 'path', 'name']).where('level', '=', 'compound').where('path', 'like', `${g.path}%`).orderBy('path').executeTakeFirstOrThrow();
    const geometry = await db().selectFrom('place_geometries').select(['geometry', 'outline']).where('place_id', '=', compound.id).executeTakeFirstOrThrow();
    expect(geometry.outline, 'the demo compound has an outline').not.toBeNull();
    at = (JSON.parse(geometry.geometry) as { coordinates: number[] }).coordinates.map((n) => Number(n.toFixed(7))) as [number, number];
    qrKey = (await db().selectFrom('party_public_keys').select('key').where('subject_type', '=', 'compound').where('subject_id', '=', compound.id).executeTakeFirstOrThrow()).key;
  });
  afterAll(() => t.close());

  const create = (payload: Record<string, unknown>, who = beijiang) => who({ method: 'POST', url: '/api/service-sites', payload });
  const count = async (table: 'service_sites' | 'events') =>
    Number((await db().selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const publicSites = async () => ((await t.app.inject({ url: `/api/public/compounds/${qrKey}` })).json() as PublicPage).serviceSites;

  it('registers a service point on a compound with its point, lists it, and the compound’s QR page shows it without sign-in', async () => {
    const res = await create({ kind: 'service_point', placeId: compound.id, name: '测试便民修鞋点', address: '小区东门', hours: '每天 8:00-18:00',
      services: '修鞋、配钥匙', lng: at[0], lat: at[1] });
    expect(res.statusCode, res.body).toBe(201);
    const site = res.json() as Site;
    expect(site).toMatchObject({ kind: 'service_point', state: 'open', version: 1, lng: at[0], lat: at[1], outline: null });
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
    const before = await count('service_sites');
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
    expect(await count('service_sites')).toBe(before);
  });

  it('refuses a point outside the place’s ground (422 outside_place, naming it) and writes nothing; above a place without ground, the nearest with one', async () => {
    const [sites, events] = [await count('service_sites'), await count('events')];
    const outside = await create({ kind: 'service_point', placeId: compound.id, name: '外面的便民点', ...FAR });
    expect([outside.statusCode, outside.json().code, outside.json().field], outside.body).toEqual([422, 'outside_place', 'lng']);
    expect(outside.json().message).toEqual({ zh: `位置或轮廓不在“${compound.name}”的范围之内`, en: `The point or outline lies outside “${compound.name}”` });
    // A building has only a point: its compound's outline is the ground it must lie in.
    const building = await db().selectFrom('places').select('id').where('parent_id', '=', compound.id).where('level', '=', 'building').executeTakeFirstOrThrow();
    const onBuilding = await create({ kind: 'service_point', placeId: building.id, name: '楼下便民点', ...FAR });
    expect([onBuilding.statusCode, onBuilding.json().message.zh]).toEqual([422, `位置或轮廓不在“${compound.name}”的范围之内`]);
    // An outline reaching well past the compound's ground is outside too, though its point is inside.
    const wide = await create({ kind: 'service_centre', placeId: compound.id, name: '大轮廓服务站', lng: at[0], lat: at[1], outline: square(at, 0.01) });
    expect([wide.statusCode, wide.json().code]).toEqual([422, 'outside_place']);
    expect([await count('service_sites'), await count('events')]).toEqual([sites, events]);
    // An edit that moves the point out is refused the same way, and leaves the site as it was.
    const site = (await create({ kind: 'service_point', placeId: compound.id, name: '测试移动便民点', lng: at[0], lat: at[1] })).json() as Site;
    const moved = await beijiang({ method: 'POST', url: `/api/service-sites/${site.id}/edit`, payload: { version: 1, ...FAR } });
    expect([moved.statusCode, moved.json().code]).toEqual([422, 'outside_place']);
    expect((await beijiang({ url: `/api/service-sites/${site.id}` })).json()).toMatchObject({ lng: at[0], lat: at[1], version: 1 });
    // Where no place up the tree has ground (another street of the district, no geometry yet), any point is taken.
    const admin = await t.as('admin');
    const street = await placeByName(t, '西南街道');
    const other = await db().selectFrom('places').select('id').where('level', '=', 'street').where('id', '!=', street.id).orderBy('path').executeTakeFirstOrThrow();
    expect(await db().selectFrom('place_geometries').select('place_id').where('place_id', '=', other.id).executeTakeFirst()).toBeUndefined();
    const unmapped = await create({ kind: 'service_centre', placeId: other.id, name: '未标注街道的服务中心', ...FAR }, admin);
    expect(unmapped.statusCode, unmapped.body).toBe(201);
  });

  it('stores an outline drawn around the point and returns it; an edit of the outline is one event; clearing it', async () => {
    const outline = square(at, 0.0002);
    const res = await create({ kind: 'service_point', placeId: compound.id, name: '测试有轮廓便民点', lng: at[0], lat: at[1], outline });
    expect(res.statusCode, res.body).toBe(201);
    const site = res.json() as Site;
    expect(site.outline).toEqual(outline);
    expect(((await beijiang({ url: `/api/service-sites/${site.id}` })).json() as Site).outline).toEqual(outline);
    const listed = (await beijiang({ url: `/api/service-sites?placeId=${compound.id}&q=${encodeURIComponent('测试有轮廓')}` })).json() as { items: Site[] };
    expect(listed.items.map((s) => s.outline)).toEqual([outline]);
    const smaller = square(at, 0.0001);
    const step = (body: Record<string, unknown>) => beijiang({ method: 'POST', url: `/api/service-sites/${site.id}/edit`, payload: body });
    const edited = await step({ version: 1, outline: smaller });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ outline: smaller, version: 2, lng: at[0], lat: at[1] });
    const stored = await db().selectFrom('service_sites').select('outline').where('id', '=', site.id).executeTakeFirstOrThrow();
    expect(JSON.parse(stored.outline!)).toEqual(smaller);
    const events = await db().selectFrom('events').select(['action', 'to_state']).where('entity_type', '=', 'service_site').where('entity_id', '=', site.id).orderBy('id').execute();
    expect(events.map((e) => e.action)).toEqual(['create', 'edit']);
    expect(JSON.parse(events[1]!.to_state!)).toEqual({ state: 'open', outline: true });
    // The point cannot leave its outline; the outline cannot stay without a point; both go together.
    const off = await step({ version: 2, lng: at[0] + 0.0003, lat: at[1] });
    expect([off.statusCode, off.json().code, off.json().field]).toEqual([422, 'outside_outline', 'outline']);
    const bare = await step({ version: 2, lng: null, lat: null });
    expect([bare.statusCode, bare.json().field]).toEqual([422, 'outline']);
    expect((await step({ version: 2, lng: null, lat: null, outline: null })).json()).toMatchObject({ lng: null, lat: null, outline: null, version: 3 });
  });

  it('refuses an outline that is not closed, crosses itself, has holes or leaves the point outside (422 or 400 under outline), writing nothing', async () => {
    const [sites, events] = [await count('service_sites'), await count('events')];
    const [x, y] = at;
    const d = 0.0002;
    const body = (outline: unknown) => ({ kind: 'service_point', placeId: compound.id, name: '坏轮廓便民点', lng: x, lat: y, outline });
    const open = { type: 'Polygon', coordinates: [[[x - d, y - d], [x + d, y - d], [x + d, y + d], [x - d, y + d]]] };
    const bowtie = { type: 'Polygon', coordinates: [[[x - d, y - d], [x + d, y + d], [x + d, y - d], [x - d, y + d], [x - d, y - d]]] };
    const elsewhere = square([x + 0.0005, y], d);
    const refused = await Promise.all([open, bowtie, elsewhere].map((o) => create(body(o))));
    expect(refused.map((r) => [r.statusCode, r.json().code, r.json().field])).toEqual([
      [422, 'ring_not_closed', 'outline'], [422, 'self_intersection', 'outline'], [422, 'outside_outline', 'outline'],
    ]);
    expect(refused[1]!.json().message.zh).toBeTruthy();
    const withHole = { type: 'Polygon', coordinates: [square(at, d).coordinates[0], square(at, d / 2).coordinates[0]] };
    const notPolygon = { type: 'MultiPolygon', coordinates: [square(at, d).coordinates] };
    for (const o of [withHole, notPolygon]) {
      const r = await create(body(o));
      expect([r.statusCode, r.json().field.split('.')[0]], r.body).toEqual([400, 'outline']);
    }
    const noPoint = await create({ kind: 'service_point', placeId: compound.id, name: '无位置轮廓', outline: square(at, d) });
    expect([noPoint.statusCode, noPoint.json().field]).toEqual([422, 'outline']);
    expect([await count('service_sites'), await count('events')]).toEqual([sites, events]);
  });

  it('another community’s site stays out of reach for its outline too (404, nothing written)', async () => {
    const shatou = await placeByName(t, '沙头社区');
    const theirs = await db().selectFrom('service_sites').select(['id', 'version']).where('place_path', 'like', `${shatou.path}%`).executeTakeFirstOrThrow();
    const events = await count('events');
    const res = await beijiang({ method: 'POST', url: `/api/service-sites/${theirs.id}/edit`, payload: { version: theirs.version, outline: null } });
    expect(res.statusCode).toBe(404);
    expect(await count('events')).toBe(events);
  });
});
