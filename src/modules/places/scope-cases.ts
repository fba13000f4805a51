import { defineScopeSuite } from '../../core/scope-suite.js';

/** grid1 reaches into grid2's places; beijiang moves grid2's compound into another community's grid. */
export const scopeSuite = defineScopeSuite({
  cases: [
    { route: 'GET /api/places/{id}', who: 'grid1', request: (f) => ({ url: `/api/places/${f.grid2.id}` }) },
    { route: 'GET /api/places/{id}/children', who: 'grid1', request: (f) => ({ url: `/api/places/${f.compound.id}/children` }) },
    { route: 'GET /api/places/{id}/counts', who: 'grid1', request: (f) => ({ url: `/api/places/${f.grid2.id}/counts` }) },
    { route: 'POST /api/places', who: 'grid1', request: (f) => ({ method: 'POST', url: '/api/places', payload: { parentId: f.compound.id, level: 'building', name: '99栋' } }) },
    { route: 'PATCH /api/places/{id}', who: 'grid1', request: (f) => ({ method: 'PATCH', url: `/api/places/${f.building.id}`, payload: { version: 1, name: '改' } }) },
    { route: 'POST /api/places/{id}/move', who: 'beijiang',
      request: (f) => ({ method: 'POST', url: `/api/places/${f.compound.id}/move`, payload: { version: 1, newParentId: f.otherGrid.id, reason: '越权移动' } }) },
    { route: 'POST /api/places/{id}/reveal', who: 'grid1',
      request: (f) => ({ method: 'POST', url: `/api/places/${f.compound.id}/reveal`, payload: { field: 'address', reason: '越权查看' } }) },
  ],
  unscoped: [
    { route: 'GET /api/places/roots', reason: "the caller's own binding places, nothing named (places.test.ts)" },
    { route: 'GET /api/places/search', reason: "searches inside the caller's subtree only (places.test.ts)" },
  ],
});
