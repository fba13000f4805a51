import { defineScopeSuite } from '../../core/scope-suite.js';

export const scopeSuite = defineScopeSuite({
  cases: [],
  unscoped: [{ route: 'GET /api/units', reason: 'the departments and partner units the caller sees, by kind; names no place' }],
});
