import { z } from 'zod';
import { OFFICE_ROLES, SUPERIOR_ROLES } from './roles.js';
import { ZId, ZReason, ZText, ZVersion } from './validation.js';
import { DEMAND_TYPES, RATINGS, URGENCIES, type WorkOrderState } from './work-orders.js';

/**
 * The public part of the work-order state table: per step, from which states, to which (`null` keeps the state), who
 * may (a role over the order's place, or a relation: the assignee, the reporter, a called-in unit), the guard, the event,
 * and whether the order waits for it (it then shows in the inbox of whoever may take it). The server adds each step's
 * work (src/modules/work-orders/steps/); the web reads the buttons and each step's fields (ZStep) from here.
 */
export const WORK_ORDER_STEPS = {
  accept: { from: ['received'], to: 'accepted', who: OFFICE_ROLES, guard: 'placed', event: 'accept', awaited: true },
  // A demand that came without a place the platform could find (an Open311 pin) waits on the API key's street: staff place it first.
  place: { from: ['received'], to: null, who: OFFICE_ROLES, guard: 'unplaced', event: 'place', awaited: true },
  reject: { from: ['received'], to: 'rejected', who: OFFICE_ROLES, event: 'reject' },
  answer: { from: ['received'], to: 'closed', who: OFFICE_ROLES, event: 'answer' },
  dispatch: { from: ['accepted'], to: 'dispatched', who: OFFICE_ROLES, event: 'dispatch', awaited: true },
  recall: { from: ['dispatched'], to: 'accepted', who: OFFICE_ROLES, event: 'recall' },
  redispatch: { from: ['dispatched'], to: null, who: OFFICE_ROLES, event: 'redispatch' },
  take: { from: ['dispatched'], to: 'taken', who: ['assignee'], event: 'take', awaited: true },
  // The grid worker who filed a patrol report handles it himself, on the spot: he holds it at once (accepted and taken).
  take_on_spot: { from: ['received'], to: 'taken', who: ['patrol_filer'], guard: 'placed', event: 'take_on_spot' },
  return: { from: ['dispatched', 'taken'], to: 'accepted', who: ['assignee'], event: 'return' },
  contact: { from: ['taken'], to: null, who: ['assignee'], event: 'contact' },
  resolve: { from: ['taken'], to: 'resolved', who: ['assignee'], event: 'resolve', awaited: true },
  follow_up: { from: ['resolved'], to: 'followed_up', who: OFFICE_ROLES, event: 'follow_up', awaited: true },
  rate: { from: ['resolved', 'followed_up'], to: 'closed', who: ['reporter', ...OFFICE_ROLES], event: 'rate' },
  supervise: { from: ['accepted', 'dispatched', 'taken'], to: null, who: SUPERIOR_ROLES, event: 'supervise' },
  call_in: { from: ['accepted', 'dispatched', 'taken'], to: null, who: SUPERIOR_ROLES, event: 'call_in' },
  report_in: { from: ['accepted', 'dispatched', 'taken'], to: null, who: ['called_in_unit'], guard: 'unit_not_reported', event: 'report_in', awaited: true },
  request_extension: { from: ['taken'], to: null, who: ['assignee'], event: 'request_extension' },
  decide_extension: { from: ['taken'], to: null, who: OFFICE_ROLES, guard: 'extension_pending', event: 'decide_extension', awaited: true },
  merge: { from: ['received', 'accepted'], to: 'merged', who: OFFICE_ROLES, event: 'merge' },
} as const satisfies Record<string, {
  from: readonly WorkOrderState[]; to: WorkOrderState | null; who: readonly string[]; event: string; guard?: string; awaited?: boolean;
}>;

export type WorkOrderAction = keyof typeof WORK_ORDER_STEPS;
export const WORK_ORDER_ACTIONS = Object.keys(WORK_ORDER_STEPS) as WorkOrderAction[];

/** Relations a caller can hold on an order, beside roles over its place. */
export const WORK_ORDER_RELATIONS = ['assignee', 'reporter', 'called_in_unit', 'patrol_filer'] as const;
export type WorkOrderRelation = (typeof WORK_ORDER_RELATIONS)[number];

export const ZAssignee = z.object({ kind: z.enum(['user', 'unit']), id: ZId });

/** One body per step; `version` guards every one of them. The web builds each step's form from these. */
export const ZStep = {
  // Accepting may correct the category and type, grade the urgency (shortening the deadline) and mark the demand confidential.
  accept: z.object({
    version: ZVersion, categoryId: ZId.optional(), demandType: z.enum(DEMAND_TYPES).optional(), urgency: z.enum(URGENCIES).optional(), confidential: z.boolean().optional(),
  }),
  place: z.object({ version: ZVersion, placeId: ZId }),
  reject: z.object({ version: ZVersion, reason: ZReason }),
  answer: z.object({ version: ZVersion, result: ZText(2000, '请填写答复内容', 'Give the answer') }),
  dispatch: z.object({ version: ZVersion, assignee: ZAssignee, note: z.string().trim().max(500).optional() }),
  recall: z.object({ version: ZVersion, reason: ZReason }),
  redispatch: z.object({ version: ZVersion, assignee: ZAssignee, note: z.string().trim().max(500).optional() }),
  take: z.object({ version: ZVersion }),
  take_on_spot: z.object({ version: ZVersion }),
  return: z.object({ version: ZVersion, reason: ZReason }),
  contact: z.object({ version: ZVersion, note: ZText(500, '请填写联系情况', 'Say how the resident was contacted') }),
  resolve: z.object({ version: ZVersion, result: ZText(2000, '请填写办理结果', 'Give the result') }),
  follow_up: z.object({ version: ZVersion, note: ZText(500, '请填写回访情况', 'Give the follow-up note') }),
  rate: z.object({ version: ZVersion, rating: z.enum(RATINGS), comment: z.string().trim().max(500).optional() }),
  supervise: z.object({ version: ZVersion, reason: ZReason }),
  call_in: z.object({ version: ZVersion, unitIds: z.array(ZId).min(1).max(10), reason: ZReason }),
  report_in: z.object({ version: ZVersion, note: ZText(1000, '请填写本单位承办情况', 'Say what your unit did') }),
  request_extension: z.object({ version: ZVersion, days: z.number().int().min(1).max(13), reason: ZReason }),
  decide_extension: z.object({ version: ZVersion, requestId: ZId, approve: z.boolean(), reason: z.string().trim().max(500).optional() }),
  merge: z.object({ version: ZVersion, intoId: ZId, reason: z.string().trim().max(500).optional() }),
} as const satisfies Record<WorkOrderAction, z.ZodType>;
export type TStep<A extends WorkOrderAction> = z.infer<(typeof ZStep)[A]>;

/** What the buttons and the timeline call each step, and each state. */
export const WORK_ORDER_LABELS = {
  steps: {
    accept: { zh: '受理', en: 'Accept' }, place: { zh: '指定位置', en: 'Place' }, reject: { zh: '不予受理', en: 'Reject' }, answer: { zh: '直接答复', en: 'Answer' },
    dispatch: { zh: '派单', en: 'Dispatch' }, recall: { zh: '撤回派单', en: 'Recall' }, redispatch: { zh: '改派', en: 'Re-dispatch' }, take: { zh: '接单', en: 'Take' },
    take_on_spot: { zh: '现场处置', en: 'Handle on the spot' }, return: { zh: '退单', en: 'Return' },
    contact: { zh: '联系居民', en: 'Contact' }, resolve: { zh: '办结', en: 'Resolve' }, follow_up: { zh: '回访', en: 'Follow up' },
    rate: { zh: '评价', en: 'Rate' }, supervise: { zh: '督办', en: 'Supervise' }, call_in: { zh: '吹哨报到', en: 'Call in' },
    report_in: { zh: '报到', en: 'Report in' }, request_extension: { zh: '申请延期', en: 'Request extension' },
    decide_extension: { zh: '审批延期', en: 'Decide extension' }, merge: { zh: '合并重复诉求', en: 'Merge' },
  },
  states: {
    received: { zh: '待受理', en: 'Received' }, accepted: { zh: '已受理', en: 'Accepted' }, dispatched: { zh: '已派单', en: 'Dispatched' },
    taken: { zh: '办理中', en: 'In progress' }, resolved: { zh: '已办结', en: 'Resolved' }, followed_up: { zh: '已回访', en: 'Followed up' },
    closed: { zh: '已关闭', en: 'Closed' }, rejected: { zh: '已退回', en: 'Rejected' }, merged: { zh: '已合并', en: 'Merged' },
  },
  /** Events of an order that are not steps of the table. */
  events: {
    file: { zh: '登记', en: 'Filed' }, add_photos: { zh: '上传照片', en: 'Added photos' }, overdue: { zh: '超期', en: 'Went overdue' },
    comment: { zh: '外部系统备注', en: 'Outside system note' },
  },
} as const;
