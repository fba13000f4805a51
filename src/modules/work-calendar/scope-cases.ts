import { defineScopeSuite } from '../../core/scope-suite.js';

/** The calendar is the district's: a community worker cannot set a holiday. */
export const scopeSuite = defineScopeSuite({
  cases: [
    { route: 'PUT /api/holidays/{day}', who: 'beijiang', request: () => ({ method: 'PUT', url: '/api/holidays/2026-12-25', payload: { name: '圣诞', workday: false } }) },
  ],
  unscoped: [
    { route: 'GET /api/holidays', reason: 'the one working-day calendar, the same for every caller' },
  ],
});
