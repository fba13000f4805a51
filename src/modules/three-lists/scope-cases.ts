import type { NeedAction, ResourceAction } from '../../../contracts/three-lists.js';
import { defineScopeSuite, type ScopeCase } from '../../core/scope-suite.js';

type Own = { need: string; resource: string; unit: string };

/** A body each step would accept, so that only the scope refuses it. */
const NEED_BODIES: Record<Exclude<NeedAction, 'deliver'>, Record<string, unknown>> = {
  publish: {}, reject: { reason: '越权退回' }, merge: { intoId: 'otherneed0000001' }, dispatch: { unitId: 'otherunit3l00001' }, take: {}, decline: { reason: '越权退回' },
  rate: { rating: 5 },
};
const RESOURCE_BODIES: Record<ResourceAction, Record<string, unknown>> = { publish: {}, reject: { reason: '越权退回' }, withdraw: { reason: '越权下架' } };

/**
 * 沙头社区's partner unit, its published resource and a need on 沙头社区第1网格 dispatched to that unit: outside 北江社区's
 * subtree, and not dispatched to the gongjian contact's unit.
 */
export const scopeSuite = defineScopeSuite({
  async prepare(f): Promise<Own> {
    const db = f.ctx.handle.db;
    const now = new Date().toISOString();
    await db.insertInto('units').values({ id: 'otherunit3l00001', kind: 'partner_unit', partner_kind: 'school', name: '沙头三单测试小学', place_id: f.otherCommunity.id,
      place_path: f.otherCommunity.path, version: 1, created_at: now, updated_at: now }).execute();
    await db.insertInto('resources').values({ id: 'otherres00000001', unit_id: 'otherunit3l00001', title: '课后托管', description: '沙头社区课后托管', category: 'children',
      capacity: 5, remaining: 5, period_of: now.slice(0, 7), place_id: f.otherCommunity.id, place_path: f.otherCommunity.path, state: 'published', version: 1, created_at: now, updated_at: now }).execute();
    await db.insertInto('needs').values({ id: 'otherneed0000001', title: '沙头社区需求', description: '孩子放学无人照看', category: 'children', urgency: 'normal',
      place_id: f.otherGrid.id, place_path: f.otherGrid.path, channel: 'staff', state: 'dispatched', unit_id: 'otherunit3l00001', resource_id: 'otherres00000001',
      version: 1, created_at: now, updated_at: now }).execute();
    return { need: 'otherneed0000001', resource: 'otherres00000001', unit: 'otherunit3l00001' };
  },
  cases: [
    { route: 'POST /api/needs', who: 'beijiang', request: (f) => ({ method: 'POST', url: '/api/needs',
      payload: { title: '越权需求', description: '越权上报', category: 'other', placeId: f.otherGrid.id } }) },
    { route: 'POST /api/needs/from-work-order', who: 'grid1', request: (f) => ({ method: 'POST', url: '/api/needs/from-work-order', payload: { workOrderId: f.order.id, category: 'other' } }) },
    { route: 'GET /api/needs.xlsx', who: 'beijiang', request: (f) => ({ url: `/api/needs.xlsx?placeId=${f.otherCommunity.id}` }) },
    { route: 'GET /api/resources.xlsx', who: 'beijiang', request: (f) => ({ url: `/api/resources.xlsx?placeId=${f.otherCommunity.id}` }) },
    { route: 'GET /api/needs', who: 'beijiang', request: (f) => ({ url: `/api/needs?placeId=${f.otherCommunity.id}` }) },
    { route: 'GET /api/needs/{id}', who: 'gongjian', request: (f) => ({ url: `/api/needs/${f.need}` }) },
    { route: 'GET /api/needs/{id}/suggestions', who: 'beijiang', request: (f) => ({ url: `/api/needs/${f.need}/suggestions` }) },
    { route: 'GET /api/needs/{id}/members', who: 'beijiang', request: (f) => ({ url: `/api/needs/${f.need}/members` }) },
    { route: 'GET /api/needs/{id}/photos/{fileId}', who: 'beijiang', request: (f) => ({ url: `/api/needs/${f.need}/photos/nophoto00000001` }) },
    { route: 'POST /api/needs/{id}/deliver', who: 'gongjian', request: (f) => ({ method: 'POST', url: `/api/needs/${f.need}/deliver`, payload: { version: 1, note: '越权完成' } }) },
    ...Object.entries(NEED_BODIES).map(([step, body]): ScopeCase<Own> => ({ route: `POST /api/needs/{id}/${step}`, who: step === 'take' || step === 'decline' ? 'gongjian' : 'beijiang',
      request: (f) => ({ method: 'POST', url: `/api/needs/${f.need}/${step}`, payload: { version: 1, ...body } }) })),
    { route: 'POST /api/resources', who: 'beijiang', request: (f) => ({ method: 'POST', url: '/api/resources',
      payload: { unitId: f.unit, title: '越权资源', description: '越权提交', category: 'other', capacity: 1, placeId: f.otherCommunity.id } }) },
    { route: 'GET /api/resources', who: 'beijiang', request: (f) => ({ url: `/api/resources?placeId=${f.otherCommunity.id}` }) },
    { route: 'GET /api/resources/{id}', who: 'gongjian', request: (f) => ({ url: `/api/resources/${f.resource}` }) },
    ...Object.entries(RESOURCE_BODIES).map(([step, body]): ScopeCase<Own> => ({ route: `POST /api/resources/{id}/${step}`, who: step === 'withdraw' ? 'gongjian' : 'beijiang',
      request: (f) => ({ method: 'POST', url: `/api/resources/${f.resource}/${step}`, payload: { version: 1, ...body } }) })),
  ],
  // The resident's own needs are found by their phone; another phone's need is 404 (three-lists.test.ts).
  unscoped: [
    { route: 'POST /api/h5/needs', reason: 'the resident reports on a compound, building or household they choose, as on the demand form' },
    { route: 'GET /api/h5/needs', reason: 'the needs the signed-in resident’s phone reported' },
    { route: 'GET /api/h5/needs/{id}', reason: 'one of the resident’s own needs; another phone’s is 404 (three-lists.test.ts)' },
    { route: 'POST /api/h5/needs/{id}/rate', reason: 'the reporter relation: another phone’s need is 404 (three-lists.test.ts)' },
  ],
});
