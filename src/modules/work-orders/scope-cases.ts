import { WORK_ORDER_ACTIONS as ACTIONS, type WorkOrderAction } from '../../../contracts/work-order-steps.js';
import { defineScopeSuite, type ScopeCase } from '../../core/scope-suite.js';
import { multipartForm, tinyPng } from '../attachments/test-support.js';

/** A body each step would accept, so that only the scope refuses it. */
const STEP_BODIES: Record<WorkOrderAction, Record<string, unknown>> = {
  accept: {}, place: { placeId: 'someplace' }, reject: { reason: '不属于受理范围' }, answer: { result: '答复' }, dispatch: { assignee: { kind: 'unit', id: 'someunit' } },
  recall: { reason: '派错了人' }, redispatch: { assignee: { kind: 'unit', id: 'someunit' } }, take: {}, take_on_spot: {},
  return: { reason: '派错了单' }, contact: { note: '已联系' }, resolve: { result: '已办结' }, follow_up: { note: '已回访' }, rate: { rating: 'satisfied' },
  supervise: { reason: '督办一下' }, call_in: { unitIds: ['someunit'], reason: '召集部门' }, report_in: { note: '已报到' },
  request_extension: { days: 2, reason: '需要延期' }, decide_extension: { requestId: 'somerequest', approve: true }, merge: { intoId: 'someorder' },
};

/** grid1 reaches grid2's order: files on grid2's compound, reads it, takes each step on it, adds a photo. */
export const scopeSuite = defineScopeSuite({
  async prepare(f) {
    return { category: (await f.ctx.handle.db.selectFrom('categories').select('id').executeTakeFirstOrThrow()).id };
  },
  cases: [
    { route: 'POST /api/work-orders', who: 'grid1', request: (f) => ({ method: 'POST', url: '/api/work-orders',
      payload: { channel: 'grid_patrol', demandType: 'help', categoryId: f.category, placeId: f.compound.id, title: '越权', description: '越权上报' } }) },
    { route: 'GET /api/work-orders', who: 'grid1', request: (f) => ({ url: `/api/work-orders?placeId=${f.grid2.id}` }) },
    // The office of one community exporting another community's orders.
    { route: 'GET /api/work-orders.xlsx', who: 'beijiang', request: (f) => ({ url: `/api/work-orders.xlsx?placeId=${f.otherCommunity.id}` }) },
    { route: 'GET /api/work-orders/{id}', who: 'grid1', request: (f) => ({ url: `/api/work-orders/${f.order.id}` }) },
    { route: 'POST /api/work-orders/{id}/reveal', who: 'grid1',
      request: (f) => ({ method: 'POST', url: `/api/work-orders/${f.order.id}/reveal`, payload: { field: 'phone', reason: '越权查看' } }) },
    ...ACTIONS.map((a): ScopeCase<{ category: string }> => ({ route: `POST /api/work-orders/{id}/${a.replace(/_/g, '-')}`, who: 'grid1',
      request: (f) => ({ method: 'POST', url: `/api/work-orders/${f.order.id}/${a.replace(/_/g, '-')}`, payload: { version: 1, ...STEP_BODIES[a] } }) })),
    // A patrol report (with a photo, handled on the spot) on another grid's compound.
    { route: 'POST /api/work-orders/patrol', who: 'grid1', request: (f) => ({ method: 'POST', url: '/api/work-orders/patrol',
      ...multipartForm({ demandType: 'help', categoryId: f.category, placeId: f.compound.id, title: '越权', description: '越权上报', handledOnSpot: 'true', result: '已处理' },
        [{ filename: 'a.png', type: 'image/png', data: tinyPng() }]) }) },
    { route: 'POST /api/work-orders/{id}/photos', who: 'grid1', request: (f) => ({ method: 'POST', url: `/api/work-orders/${f.order.id}/photos`,
      ...multipartForm({}, [{ filename: 'a.png', type: 'image/png', data: tinyPng() }]) }) },
  ],
});
