import { defineScopeSuite } from '../../core/scope-suite.js';

/** beijiang asks for the workbench of another community; grid1 for the neighbouring grid's. */
export const scopeSuite = defineScopeSuite({
  cases: [
    { route: 'GET /api/workbench', who: 'beijiang', request: (f) => ({ url: `/api/workbench?placeId=${f.otherCommunity.id}` }) },
    { route: 'GET /api/workbench', who: 'grid1', request: (f) => ({ url: `/api/workbench?placeId=${f.grid2.id}` }) },
  ],
});
