import { z } from 'zod';
import { bilingual, ZId, ZReason, ZString } from './validation.js';

/**
 * 积分: the items a community's rules give points for. `service_hour` per hour of service, `meeting` per meeting
 * attended, `post_month` per month a post is held, `rating` per resident rating of "satisfied", `other` a named item.
 */
export const POINTS_ITEM_KINDS = ['service_hour', 'meeting', 'post_month', 'rating', 'other'] as const;
export type PointsItemKind = (typeof POINTS_ITEM_KINDS)[number];

/** The period a cap counts over. */
export const POINTS_CAP_PERIODS = ['month', 'year'] as const;
export type PointsCapPeriod = (typeof POINTS_CAP_PERIODS)[number];

/** The periods a ranking covers (Beijing-time months). */
export const POINTS_RANK_PERIODS = ['year', 'half', 'month'] as const;
export type PointsRankPeriod = (typeof POINTS_RANK_PERIODS)[number];

export const POINTS_ITEM_KIND_LABELS: Record<PointsItemKind, { zh: string; en: string }> = {
  service_hour: { zh: '志愿服务(每小时)', en: 'Service (per hour)' },
  meeting: { zh: '参加会议(每次)', en: 'Meeting attended (each)' },
  post_month: { zh: '在岗(每月)', en: 'Post held (per month)' },
  rating: { zh: '居民评价满意(每次)', en: 'Resident rated satisfied (each)' },
  other: { zh: '其他', en: 'Other' },
};

const ZPoints = z.coerce.number().int(bilingual('分值须为整数', 'Points are a whole number'))
  .min(1, bilingual('分值至少为1', 'At least 1 point')).max(1000, bilingual('分值不能超过1000', 'At most 1000 points'));

/** One item of the rules; `id` is kept from the stored item (new items get one), so entries keep pointing at their item. */
export const ZPointsItem = z.object({
  id: ZId.optional(),
  kind: z.enum(POINTS_ITEM_KINDS),
  name: ZString().trim().max(30, bilingual('名称不能超过30字', 'At most 30 characters')).optional(),
  points: ZPoints,
  cap: z.coerce.number().int().min(1, bilingual('上限至少为1', 'A cap is at least 1')).max(100000).nullable().optional(),
  capPeriod: z.enum(POINTS_CAP_PERIODS).nullable().optional(),
}).refine((i) => i.kind !== 'other' || (i.name ?? '').length >= 2, { message: bilingual('其他项须填写名称(至少2个字)', 'An other item needs a name (at least 2 characters)').error, path: ['name'] })
  .refine((i) => !i.cap || !!i.capPeriod, { message: bilingual('设置上限时请选择按月或按年', 'A cap needs a period (month or year)').error, path: ['capPeriod'] });
export type TPointsItem = z.infer<typeof ZPointsItem>;

/** The whole list replaces the stored one; `version` is the stored rules' (0 when the community has none yet). */
export const ZPointsRules = z.object({
  placeId: ZId,
  version: z.coerce.number().int().min(0),
  items: z.array(ZPointsItem).max(30, bilingual('最多30项', 'At most 30 items'))
    .refine((items) => new Set(items.filter((i) => i.kind !== 'other').map((i) => i.kind)).size === items.filter((i) => i.kind !== 'other').length,
      bilingual('同一类积分项只能设一项', 'Each kind of item once (other items aside)')),
});
export type TPointsRules = z.infer<typeof ZPointsRules>;

const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, bilingual('日期格式应为 YYYY-MM-DD', 'A date is YYYY-MM-DD'));

/** Staff record a member's service: hours (in half hours), what, when. */
export const ZRecordService = z.object({
  hours: z.coerce.number().min(0.5, bilingual('时长至少0.5小时', 'At least half an hour')).max(24, bilingual('时长不能超过24小时', 'At most 24 hours'))
    .refine((h) => Number.isInteger(h * 2), bilingual('时长以半小时计', 'Hours in halves')),
  what: ZString().trim().min(2, bilingual('请填写服务内容(至少2个字)', 'Say what the service was (at least 2 characters)')).max(200),
  date: ZDate,
});
export type TRecordService = z.infer<typeof ZRecordService>;

/** One meeting, many members: each attendee earns the meeting item once. */
export const ZRecordMeeting = z.object({
  placeId: ZId,
  title: ZString().trim().min(2, bilingual('请填写会议名称(至少2个字)', 'Give the meeting a title (at least 2 characters)')).max(100),
  date: ZDate,
  memberIds: z.array(ZId).min(1, bilingual('请选择参会党员', 'Pick the members who attended')).max(500),
});
export type TRecordMeeting = z.infer<typeof ZRecordMeeting>;

/** Another named item (`other`) or a resident rating, given by staff with what it was for. */
export const ZAwardPoints = z.object({
  itemId: ZId,
  quantity: z.coerce.number().int().min(1).max(100).default(1),
  reason: ZReason,
  date: ZDate,
});

/** A correction: the entry it counters and why. */
export const ZCounterEntry = z.object({ reason: ZReason });

export const ZRankingQuery = z.object({
  placeId: ZId,
  period: z.enum(POINTS_RANK_PERIODS).default('year'),
  /** 'YYYY' for a year, 'YYYY-H1' / 'YYYY-H2' for a half, 'YYYY-MM' for a month. */
  of: z.string().regex(/^\d{4}(-H[12]|-\d{2})?$/, bilingual('期间格式不正确', 'Malformed period')),
  orgId: ZId.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type TRankingQuery = z.infer<typeof ZRankingQuery>;

/** The months [from, to] a ranking period covers, as 'YYYY-MM'; undefined when `of` does not fit `period`. */
export function periodMonths(period: PointsRankPeriod, of: string): { from: string; to: string } | undefined {
  const year = of.slice(0, 4);
  if (period === 'year' && of.length === 4) return { from: `${year}-01`, to: `${year}-12` };
  if (period === 'half' && /^\d{4}-H[12]$/.test(of)) return of.endsWith('1') ? { from: `${year}-01`, to: `${year}-06` } : { from: `${year}-07`, to: `${year}-12` };
  if (period === 'month' && /^\d{4}-(0[1-9]|1[0-2])$/.test(of)) return { from: of, to: of };
  return undefined;
}
