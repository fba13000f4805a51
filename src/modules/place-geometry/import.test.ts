import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, placeByName, type Client, type TestApp } from '../../test/harness.js';
import { gcoord } from './crs.js';
import { compoundIn, eventCount, mappedChildrenOf, square, storedGeometry, withExtraVertex } from './test-support.js';
type Geometry = { type: string; coordinates: unknown };
const feature = (properties: Record<string, unknown>, geometry: Geometry) => ({ type: 'Feature', properties, geometry });
const collection = (features: unknown[], extra: Record<string, unknown> = {}) => ({ type: 'FeatureCollection', features, ...extra });

describe('importing boundaries and points from GeoJSON', () => {
  let t: TestApp;
  let admin: Client;
  let street: Client;
  let community: Client;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.as('admin');
    street = await t.as('xinan');
    community = await t.as('beijiang');
  });
  afterAll(() => t.close());
  const post = (c: Client, what: 'preview' | 'import', payload: unknown, query = '') => c({ method: 'POST', url: `/api/places/geometry/${what}${query}`, payload: payload as object });

  /** Two grids of 北江社区 redrawn over the same ground with one more vertex (inside the community, holding their compounds). */
  async function gridFeatures() {
    const grids = await Promise.all(['北江社区第1网格', '北江社区第2网格'].map((n) => placeByName(t, n)));
    const compounds = await Promise.all(grids.map((g) => compoundIn(t, g.id)));
    const shapes = await Promise.all(grids.map((g) => storedGeometry(t, g.id)));
    return { grids, compounds, features: grids.map((g, i) => feature({ id: g.id }, withExtraVertex(shapes[i]!.geometry))) };
  }

  it('previews matched, unmatched and invalid features without writing anything', async () => {
    const { grids, features } = await gridFeatures();
    const beijiang = await placeByName(t, '北江社区');
    const before = await eventCount(t);
    const res = await post(street, 'preview', collection([
      ...features,
      feature({ code: '440607001999' }, square(112.88, 23.17, 0.001)),
      feature({ name: '无编号' }, square(112.88, 23.17, 0.001)),
      feature({ code: beijiang.code }, { type: 'Polygon', coordinates: [[[112.88, 23.17], [112.89, 23.18], [112.89, 23.17], [112.88, 23.18], [112.88, 23.17]]] }),
      feature({ id: grids[0]!.id }, square(112.88, 23.17, 0.001)),
    ]));
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.crs).toBe('WGS84');
    expect(report.matched).toEqual([
      expect.objectContaining({ index: 0, placeId: grids[0]!.id, level: 'grid', changed: true }),
      expect.objectContaining({ index: 1, placeId: grids[1]!.id, name: '北江社区第2网格', changed: true }),
    ]);
    expect(report.unmatched).toEqual([expect.objectContaining({ index: 2, ref: '440607001999', message: expect.objectContaining({ zh: expect.stringContaining('440607001999') }) })]);
    expect(report.invalid.map((i: { index: number; code: string }) => [i.index, i.code])).toEqual([[3, 'feature_unreferenced'], [4, 'self_intersection'], [5, 'feature_duplicate']]);
    expect(await eventCount(t)).toBe(before);
  });

  it('reports a grid that overlaps a sibling’s boundary, and imports it all the same', async () => {
    const { grids, compounds } = await gridFeatures();
    const gridShape = (await storedGeometry(t, grids[1]!.id))!;
    // Grid 2 redrawn as it is touches its neighbours only along shared edges; grid 1 redrawn as grid 2's tile is the same ground twice.
    const file = collection([feature({ id: grids[1]!.id }, gridShape.geometry), feature({ id: compounds[0]!.id }, { type: 'Point', coordinates: compounds[0]!.at })]);
    const clean = (await post(street, 'preview', file)).json();
    expect(clean.overlaps).toEqual([]);
    // Grid 1's compounds come along into grid 2's tile (as bare points), or the redrawn grid would leave them outside.
    const along = (await mappedChildrenOf(t, grids[0]!.id)).map((c) => feature({ id: c.id }, { type: 'Point', coordinates: compounds[1]!.at }));
    const report = (await post(street, 'preview', collection([feature({ id: grids[0]!.id }, gridShape.geometry), ...along]))).json();
    expect(report.invalid).toEqual([]);
    expect(report.overlaps).toEqual([expect.objectContaining({ placeId: grids[0]!.id, siblingId: grids[1]!.id, siblingName: '北江社区第2网格', squareMetres: expect.any(Number) })]);
    expect(report.overlaps[0].squareMetres).toBeGreaterThan(10_000);
  });

  it('refuses the whole file when one feature is wrong, then imports a valid one: one event per place changed', async () => {
    const { grids, compounds, features } = await gridFeatures();
    const stored = await storedGeometry(t, grids[0]!.id);
    const before = await eventCount(t);
    const outside = feature({ id: compounds[1]!.id }, { type: 'Point', coordinates: [113.6, 23.6] });
    const refused = await post(street, 'import', collection([...features, outside]));
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'import_rejected', report: { invalid: [expect.objectContaining({ index: 2, code: 'outside_parent' })] } });
    expect(await eventCount(t)).toBe(before);
    expect(await storedGeometry(t, grids[0]!.id)).toEqual(stored);

    const versions = await t.ctx.handle.db.selectFrom('places').select(['id', 'version']).where('id', 'in', grids.map((g) => g.id)).execute();
    const res = await post(street, 'import', collection(features));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ changed: 2, unchanged: 0 });
    expect(await eventCount(t)).toBe(before + 2);
    expect((await storedGeometry(t, grids[0]!.id))!.geometry).toEqual(features[0]!.geometry);
    const after = await t.ctx.handle.db.selectFrom('places').select(['id', 'version']).where('id', 'in', grids.map((g) => g.id)).execute();
    for (const v of versions) expect(after.find((a) => a.id === v.id)!.version).toBe(v.version + 1);
    const timeline = (await street({ url: `/api/timeline/place/${grids[1]!.id}` })).json().items;
    expect(timeline.at(-1)).toMatchObject({ action: 'import_geometry', to: { geometryType: 'Polygon' } });
    // The same file again changes nothing and writes no event.
    expect((await post(street, 'import', collection(features))).json()).toMatchObject({ changed: 0, unchanged: 2 });
    expect(await eventCount(t)).toBe(before + 2);
  });

  it('refuses a file whose grid lies partly outside its community, beyond the tolerance', async () => {
    const grid = await placeByName(t, '北江社区第1网格');
    const community = (await storedGeometry(t, (await placeByName(t, '北江社区')).id))!.geometry;
    // The community's own outline for one of its grids: all of it inside, but the grid is far smaller than that.
    const before = await eventCount(t);
    const whole = (await post(street, 'preview', collection([feature({ id: grid.id }, community)]))).json();
    expect(whole.invalid).toEqual([]);
    // Moved a kilometre east: its anchor may still lie inside, most of it does not.
    const shift = (g: { type: string; coordinates: number[][][] | number[][][][] }) => JSON.parse(JSON.stringify(g), (_k, v) =>
      Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' ? [v[0] + 0.01, v[1]] : v);
    const grids = (await storedGeometry(t, grid.id))!.geometry;
    const res = await post(street, 'import', collection([feature({ id: grid.id }, shift(grids))]));
    expect(res.statusCode).toBe(422);
    expect(res.json().report.invalid).toEqual([expect.objectContaining({ index: 0, code: 'outside_parent' })]);
    expect(await eventCount(t)).toBe(before);
  });

  it('converts a file declared GCJ-02 (by its crs member or the crs parameter) to WGS-84', async () => {
    const grid = await placeByName(t, '沙头社区第1网格');
    const compound = await compoundIn(t, grid.id);
    const gcj = gcoord.transform(compound.at as [number, number], gcoord.WGS84, gcoord.GCJ02);
    const file = collection([feature({ id: compound.id }, { type: 'Point', coordinates: gcj })], { crs: { type: 'name', properties: { name: 'GCJ-02' } } });
    const preview = (await post(admin, 'preview', file)).json();
    expect(preview).toMatchObject({ crs: 'GCJ02', matched: [expect.objectContaining({ placeId: compound.id })], invalid: [] });
    expect((await post(admin, 'import', file)).statusCode).toBe(200);
    const [lon, lat] = (await storedGeometry(t, compound.id))!.geometry.coordinates;
    expect(Math.hypot(lon - compound.at[0]!, lat - compound.at[1]!)).toBeLessThan(1e-5);
    const byParameter = await post(admin, 'preview', collection([feature({ id: compound.id }, { type: 'Point', coordinates: gcj })]), '?crs=GCJ02');
    expect(byParameter.json()).toMatchObject({ crs: 'GCJ02', matched: [expect.objectContaining({ changed: false })] });
    const unknown = await post(admin, 'preview', collection([feature({ id: compound.id }, { type: 'Point', coordinates: gcj })], { crs: { type: 'name', properties: { name: 'EPSG:3857' } } }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'bad_crs', field: 'crs' });
  });

  it('keeps each caller to their area: another street’s place is unmatched, the street’s own outline is not the street’s to draw, a community may not import', async () => {
    const db = t.ctx.handle.db;
    const other = await db.selectFrom('places').selectAll().where('level', '=', 'community').where('path', 'not like', '/440607/440607001/%').orderBy('id').executeTakeFirstOrThrow();
    const xinan = await placeByName(t, '西南街道');
    const before = await eventCount(t);
    const report = (await post(street, 'preview', collection([
      feature({ code: other.code }, square(112.7, 23.3, 0.01)),
      feature({ code: xinan.code }, square(112.85, 23.15, 0.05)),
    ]))).json();
    expect(report.unmatched).toEqual([expect.objectContaining({ index: 0, ref: other.code })]);
    expect(report.invalid).toEqual([expect.objectContaining({ index: 1, code: 'forbidden' })]);
    expect((await post(street, 'import', collection([feature({ code: other.code }, square(112.7, 23.3, 0.01))]))).statusCode).toBe(422);
    expect(await storedGeometry(t, other.id)).toBeUndefined();
    expect((await post(community, 'preview', collection([feature({ code: other.code }, square(112.7, 23.3, 0.01))]))).statusCode).toBe(403);
    expect(await eventCount(t)).toBe(before);
    // The district admin may: the other street's community gets its first boundary.
    expect((await post(admin, 'import', collection([feature({ code: other.code }, square(112.7, 23.3, 0.01))]))).json()).toMatchObject({ changed: 1 });
  });
});
