import { defineScopeSuite } from '../../core/scope-suite.js';

export const scopeSuite = defineScopeSuite({
  cases: [
    { route: 'GET /api/timeline/{entityType}/{entityId}', who: 'grid1', request: (f) => ({ url: `/api/timeline/place/${f.compound.id}` }) },
  ],
  unscoped: [
    { route: 'GET /api/audit', reason: "the audit log of the caller's own subtree; its filters name no record outside it" },
  ],
});
