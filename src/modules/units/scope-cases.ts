import { defineScopeSuite } from '../../core/scope-suite.js';

type Own = { unit: string };

/** A partner unit of 沙头社区: outside 北江社区's subtree, and not the gongjian contact's unit. */
export const scopeSuite = defineScopeSuite({
  async prepare(f): Promise<Own> {
    const now = new Date().toISOString();
    await f.ctx.handle.db.insertInto('units').values({ id: 'otherpartner0001', kind: 'partner_unit', partner_kind: 'company', name: '沙头共建测试企业', place_id: f.otherCommunity.id,
      place_path: f.otherCommunity.path, version: 1, created_at: now, updated_at: now }).execute();
    await f.ctx.handle.db.insertInto('unit_agreements').values({ id: 'otheragreement01', unit_id: 'otherpartner0001', place_id: f.otherCommunity.id, place_path: f.otherCommunity.path,
      term_start: '2026-01-01', term_end: '2027-12-31', commitments: '共建', version: 1, created_at: now, updated_at: now }).execute();
    return { unit: 'otherpartner0001' };
  },
  cases: [
    { route: 'GET /api/partner-units', who: 'beijiang', request: (f) => ({ url: `/api/partner-units?placeId=${f.otherCommunity.id}` }) },
    { route: 'GET /api/partner-units.xlsx', who: 'beijiang', request: (f) => ({ url: `/api/partner-units.xlsx?placeId=${f.otherCommunity.id}` }) },
    { route: 'POST /api/partner-units', who: 'beijiang', request: (f) => ({ method: 'POST', url: '/api/partner-units', payload: { placeId: f.otherCommunity.id, name: '越权单位', partnerKind: 'company' } }) },
    { route: 'GET /api/partner-units/{id}', who: 'gongjian', request: (f) => ({ url: `/api/partner-units/${f.unit}` }) },
    { route: 'PATCH /api/partner-units/{id}', who: 'beijiang', request: (f) => ({ method: 'PATCH', url: `/api/partner-units/${f.unit}`, payload: { version: 1, name: '越权改名' } }) },
    { route: 'PUT /api/partner-units/{id}/agreement', who: 'beijiang', request: (f) => ({ method: 'PUT', url: `/api/partner-units/${f.unit}/agreement`,
      payload: { version: 1, termStart: '2026-01-01', termEnd: '2028-12-31', commitments: '越权续签' } }) },
    { route: 'POST /api/partner-units/{id}/agreement/files', who: 'beijiang', request: (f) => ({ method: 'POST', url: `/api/partner-units/${f.unit}/agreement/files`,
      headers: { 'content-type': 'multipart/form-data; boundary=x' }, payload: '--x--\r\n' }) },
    { route: 'GET /api/partner-units/{id}/agreement/files/{fileId}', who: 'beijiang', request: (f) => ({ url: `/api/partner-units/${f.unit}/agreement/files/nofile0000000001` }) },
  ],
  unscoped: [{ route: 'GET /api/units', reason: 'the departments and partner units the caller sees, by kind; names no place' }],
});
