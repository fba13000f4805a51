import { defineScopeSuite } from '../../core/scope-suite.js';

type Own = { inGrid2: [number, number] };

/** grid1 reaches into grid2: its compound's geometry, and a point inside grid2 (its compound's own point). */
export const scopeSuite = defineScopeSuite({
  async prepare(f): Promise<Own> {
    const row = await f.ctx.handle.db.selectFrom('place_geometries').select('geometry').where('place_id', '=', f.compound.id).executeTakeFirstOrThrow();
    return { inGrid2: JSON.parse(row.geometry).coordinates };
  },
  cases: [
    { route: 'GET /api/places/{id}/geometry', who: 'grid1', request: (f) => ({ url: `/api/places/${f.compound.id}/geometry` }) },
    { route: 'PUT /api/places/{id}/geometry', who: 'grid1',
      request: (f) => ({ method: 'PUT', url: `/api/places/${f.compound.id}/geometry`, payload: { version: 1, geometry: { type: 'Point', coordinates: f.inGrid2 } } }) },
    { route: 'POST /api/places/{id}/geometry/check', who: 'grid1',
      request: (f) => ({ method: 'POST', url: `/api/places/${f.compound.id}/geometry/check`, payload: { geometry: { type: 'Point', coordinates: f.inGrid2 } } }) },
    { route: 'GET /api/places/{id}/map', who: 'grid1', request: (f) => ({ url: `/api/places/${f.grid2.id}/map` }) },
    { route: 'GET /api/places/locate', who: 'grid1', request: (f) => ({ url: `/api/places/locate?lat=${f.inGrid2[1]}&long=${f.inGrid2[0]}` }) },
  ],
  unscoped: [
    { route: 'POST /api/places/geometry/preview',
      reason: 'names places only in the file: one outside the caller’s area is reported unmatched, as one that does not exist (place-geometry/import.test.ts)' },
    { route: 'POST /api/places/geometry/import',
      reason: 'names places only in the file: one outside the caller’s area is unmatched and nothing is written (place-geometry/import.test.ts)' },
  ],
});
