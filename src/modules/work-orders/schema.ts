import { z } from 'zod';
import { bilingual, ZId, ZPhone, ZReason, ZVersion } from '../../core/validation.js';
import { CHANNELS, DEMAND_TYPES, RATINGS, STATES } from './state.js';

const ZText = (max: number, zh: string, en: string) => z.string().trim().min(1, bilingual(zh, en)).max(max);

export const ZFileDemand = z.object({
  channel: z.enum(CHANNELS),
  demandType: z.enum(DEMAND_TYPES),
  categoryId: ZId,
  placeId: ZId,
  title: ZText(100, '请填写标题', 'Title is required'),
  description: ZText(2000, '请描述问题', 'Describe the problem'),
  address: z.string().trim().max(200).optional(),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
  reporterName: z.string().trim().max(50).optional(),
  reporterPhone: ZPhone.optional(),
  externalNo: z.string().trim().min(1).max(64).optional(),
  receivedAt: z.iso.datetime({ offset: true }).optional(),
});
export type TFileDemand = z.infer<typeof ZFileDemand>;

const ZAssignee = z.object({ kind: z.enum(['user', 'unit']), id: ZId });

/** One body per step; `version` guards every one of them. */
export const ZStep = {
  accept: z.object({ version: ZVersion, categoryId: ZId.optional(), demandType: z.enum(DEMAND_TYPES).optional() }),
  reject: z.object({ version: ZVersion, reason: ZReason }),
  answer: z.object({ version: ZVersion, result: ZText(2000, '请填写答复内容', 'Give the answer') }),
  dispatch: z.object({ version: ZVersion, assignee: ZAssignee, note: z.string().trim().max(500).optional() }),
  take: z.object({ version: ZVersion }),
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
} as const;

export const ZWorkOrderQuery = z.object({
  state: z.enum(STATES).optional(),
  categoryId: ZId.optional(),
  channel: z.enum(CHANNELS).optional(),
  placeId: ZId.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  mine: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});
