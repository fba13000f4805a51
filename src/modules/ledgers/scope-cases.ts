import { defineScopeSuite } from '../../core/scope-suite.js';

export const scopeSuite = defineScopeSuite({
  cases: [],
  unscoped: [{ route: 'GET /api/ledgers', reason: 'the ledgers the caller may export: a list of the modules’ declarations, no record' }],
});
