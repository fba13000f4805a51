import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkConformance, type KnownCaller } from '../../core/lifecycle/conformance.js';
import { newId } from '../../core/ids.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import type { WorkOrderAction } from '../../../contracts/work-order-steps.js';
import type { WorkOrderState } from '../../../contracts/work-orders.js';
import { workOrderLifecycle } from './lifecycle.js';
import { demandTarget } from './test-support.js';

/**
 * The work-order state table against the running API, by the engine's conformance helper: steps from states outside the
 * table answer 409, callers outside `who` 403/404, and parallel holders on one order: one wins. Records are made directly
 * in each state, with grid1 as the assignee, 城管执法中队 called in (for report-in) and an extension pending (for deciding).
 */
describe('the work-order state table conforms', () => {
  let t: TestApp;
  const users: Record<string, string> = {};
  const extensions = new Map<string, string>();
  let unitId = '';
  let intoId = '';
  let placeTo = '';

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.ctx.handle.db;
    for (const u of await db.selectFrom('users').select(['id', 'username', 'unit_id']).execute()) users[u.username] = u.id;
    unitId = (await db.selectFrom('users').select('unit_id').where('username', '=', 'chengguan').executeTakeFirstOrThrow()).unit_id!;
    intoId = await insertOrder('accepted', 'help');
    placeTo = (await demandTarget(t)).compound.id;
  });
  afterAll(() => t.close());

  /** An order on grid1's compound; `unplaced`: on its street instead, as an Open311 pin waits there to be placed. */
  async function insertOrder(state: WorkOrderState, demandType: 'help' | 'consultation', unplaced = false, filedBy = 'louzhang') {
    const { compound: onCompound, category } = await demandTarget(t);
    const street = unplaced ? await t.ctx.handle.db.selectFrom('places').selectAll().where('id', '=', onCompound.path.split('/')[2]!).executeTakeFirstOrThrow() : null;
    const compound = street ?? onCompound;
    const id = newId();
    const now = new Date();
    const later = new Date(now.getTime() + 5 * 86400_000).toISOString();
    await t.ctx.handle.db.insertInto('work_orders').values({
      id, tracking_no: `C-${id}`, external_no: null, channel: 'grid_patrol', demand_type: demandType, category_id: category.id, place_id: compound.id,
      place_path: compound.path, office_id: street?.id ?? compound.path.split('/')[3]!, title: '路灯不亮', description: '门口路灯坏了', address_enc: null, address_masked: null,
      lat: null, lng: null, reporter_name: '李杏珊', reporter_phone_enc: null, reporter_phone_masked: '138****8000', reporter_phone_index: null, state,
      assignee_kind: 'user', assignee_id: users.grid1!, dispatcher_id: users.beijiang!, filed_by: users[filedBy]!, reopen_count: 0, supervised: 0, escalation: 0,
      merged_into: null, received_at: now.toISOString(), accept_due: later, contact_due: later, resolve_due: later, accepted_at: null, first_contact_at: null,
      resolved_at: null, closed_at: null, result: null, rating: null, rating_comment: null, version: 1, created_at: now.toISOString(), updated_at: now.toISOString(),
    }).execute();
    return id;
  }

  async function make(state: string, action: WorkOrderAction) {
    const db = t.ctx.handle.db;
    // For handling on the spot, a patrol report grid1 filed in his own grid.
    const id = await insertOrder(state as WorkOrderState, action === 'answer' ? 'consultation' : 'help', action === 'place', action === 'take_on_spot' ? 'grid1' : 'louzhang');
    const now = new Date().toISOString();
    if (action === 'report_in') await db.insertInto('work_order_units').values({ work_order_id: id, unit_id: unitId, called_at: now, reported_at: null, part: null }).execute();
    if (action === 'decide_extension') {
      const requestId = newId();
      await db.insertInto('extension_requests').values({ id: requestId, work_order_id: id, days: 2, reason: '需要时间', state: 'pending', requested_by: users.grid1!, decided_by: null, version: 1, created_at: now, updated_at: now }).execute();
      extensions.set(id, requestId);
    }
    return id;
  }

  const bodies = (id: string): Record<WorkOrderAction, Record<string, unknown>> => ({
    accept: {}, place: { placeId: placeTo }, reject: { reason: '不属于受理范围' }, answer: { result: '已电话答复' }, dispatch: { assignee: { kind: 'user', id: users.grid1 } },
    recall: { reason: '派错了人' }, redispatch: { assignee: { kind: 'user', id: users.beijiang } }, take: {}, take_on_spot: {},
    return: { reason: '派错了单' }, contact: { note: '已电话联系' }, resolve: { result: '已修好' }, follow_up: { note: '居民认可' }, rate: { rating: 'satisfied' },
    supervise: { reason: '请加快办理' }, call_in: { unitIds: [unitId], reason: '需城管协同' }, report_in: { note: '已派人到场' },
    request_extension: { days: 2, reason: '等配件' }, decide_extension: { requestId: extensions.get(id) ?? 'none', approve: true }, merge: { intoId },
  });

  it('answers 409 outside the table, 403/404 outside who, and lets one of four parallel callers win', async () => {
    const db = t.ctx.handle.db;
    const as = async (name: string, holds: KnownCaller['holds']): Promise<KnownCaller> => ({ name, client: await t.as(name), holds });
    const callers = [
      await as('admin', ['district_admin']), await as('xinan', ['street_staff']), await as('beijiang', (action) => (action === 'place' ? [] : ['community_worker'])),
      await as('grid1', (action) => (action === 'take_on_spot' ? ['patrol_filer'] : ['assignee'])), await as('grid2', []), await as('louzhang', []), await as('chengguan', ['called_in_unit']),
      await as('gongjian', []), await as('jumin', []),
    ];
    const failures = await checkConformance({
      def: workOrderLifecycle,
      callers,
      make,
      request: async (id, action, version) => ({ method: 'POST', url: `/api/work-orders/${id}/${action.replace(/_/g, '-')}`, payload: { version, ...bodies(id)[action] } }),
      version: async (id) => (await db.selectFrom('work_orders').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version,
      snapshot: async (id) => Promise.all([
        db.selectFrom('work_orders').selectAll().where('id', '=', id).executeTakeFirst(),
        db.selectFrom('events').select(['id', 'action']).where('entity_id', '=', id).orderBy('id').execute(),
        db.selectFrom('work_order_units').selectAll().where('work_order_id', '=', id).execute(),
        db.selectFrom('extension_requests').selectAll().where('work_order_id', '=', id).execute(),
        db.selectFrom('notifications').select('id').where('entity_id', '=', id).orderBy('id').execute(),
      ]),
    });
    expect(failures).toEqual([]);
  }, 240_000);

  it('cannot pass when the table is broken: a step offered from a state the API refuses is reported', async () => {
    const broken = { ...workOrderLifecycle, steps: { take: { ...workOrderLifecycle.steps.take, from: ['accepted'] as const } } } as unknown as typeof workOrderLifecycle;
    const failures = await checkConformance({
      def: broken, make, callers: [{ name: 'grid1', client: await t.as('grid1'), holds: ['assignee'] }],
      request: async (id, action, version) => ({ method: 'POST', url: `/api/work-orders/${id}/${action}`, payload: { version } }),
      version: async () => 1, snapshot: async () => null,
    });
    expect(failures.some((f) => f.startsWith('take from dispatched'))).toBe(true);
  });
});
