import { defineScopeSuite } from '../../core/scope-suite.js';

/** beijiang asks for the rates of another community. */
export const scopeSuite = defineScopeSuite({
  cases: [
    { route: 'GET /api/rates', who: 'beijiang', request: (f) => ({ url: `/api/rates?month=2026-10&parentId=${f.otherCommunity.id}` }) },
    { route: 'GET /api/rates/trend', who: 'beijiang', request: (f) => ({ url: `/api/rates/trend?level=community&officeId=${f.otherCommunity.id}&until=2026-10` }) },
    { route: 'GET /api/rates/orders', who: 'beijiang',
      request: (f) => ({ url: `/api/rates/orders?month=2026-10&level=community&officeId=${f.otherCommunity.id}&figure=received` }) },
    { route: 'GET /api/rates.xlsx', who: 'beijiang', request: (f) => ({ url: `/api/rates.xlsx?month=2026-10&parentId=${f.otherCommunity.id}` }) },
  ],
  unscoped: [
    { route: 'GET /api/public/ranking', reason: "the public ranking: offices' figures only, no sign-in, no personal data" },
  ],
});
