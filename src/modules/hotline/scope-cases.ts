import { defineScopeSuite } from '../../core/scope-suite.js';
import { DEMO_API_KEY } from '../api-keys/test-support.js';

/** The demo API key is bound to 西南街道: a community of another street lies outside it; beijiang imports into 沙头社区. */
export const scopeSuite = defineScopeSuite({
  cases: [
    { route: 'POST /api/hotline/orders', who: 'beijiang', request: (f) => ({ method: 'POST', url: '/api/hotline/orders', headers: { 'x-api-key': DEMO_API_KEY }, payload: {
      externalNo: 'SCOPE-0001', receivedAt: '2026-11-20 09:30', demandType: '投诉', category: 'noise', community: f.otherStreetCommunity.id, title: '越权', description: '越权推送' } }) },
    { route: 'POST /api/hotline/import', who: 'beijiang',
      request: (f) => ({ method: 'POST', url: `/api/hotline/import?placeId=${f.otherCommunity.id}`, payload: [{ externalNo: 'SCOPE-0002' }] }) },
    { route: 'GET /api/hotline/sources', who: 'beijiang', request: (f) => ({ url: `/api/hotline/sources?placeId=${f.otherCommunity.id}` }) },
    { route: 'POST /api/hotline/import/preview', who: 'beijiang',
      request: (f) => ({ method: 'POST', url: `/api/hotline/import/preview?placeId=${f.otherCommunity.id}`, payload: [{ externalNo: 'SCOPE-0003' }] }) },
  ],
  unscoped: [
    { route: 'GET /api/hotline/template.xlsx', reason: 'the empty import template' },
  ],
});
