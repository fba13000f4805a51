import { z } from 'zod';
import type { PartnerKind } from './units.js';
import { bilingual, ZId, ZString, ZVersion } from './validation.js';

/**
 * The rotating chair (轮值主席): each month of a community's roster is chaired by one partner unit or a group of them
 * (collective). The chair files its activity plan for the month, runs it and reports; the other units' contacts and the
 * residents then rate it 1–5 (once each), which counts in each chair unit's annual evaluation.
 *
 * A month: scheduled → planned (the plan filed) → reported (the report filed; ratings open).
 *
 * Balance (大小搭配): a unit's size comes from its kind. Agencies, hospitals and companies count as large units; schools,
 * social organisations and property companies as small ones. A collective month with only large or only small units, and
 * a year whose months lean to one size by more than two, are flagged (warnings, never refused).
 */
export const CHAIR_STATES = ['scheduled', 'planned', 'reported'] as const;
export type ChairState = (typeof CHAIR_STATES)[number];

export const LARGE_KINDS: readonly PartnerKind[] = ['agency', 'hospital', 'company'];
export const unitSize = (kind: PartnerKind | null): 'large' | 'small' => (kind && LARGE_KINDS.includes(kind) ? 'large' : 'small');

const OFFICE = ['district_admin', 'street_staff', 'community_worker'] as const;
export const CHAIR_STEPS = {
  file_plan: { from: ['scheduled'], to: 'planned', who: [...OFFICE, 'chair'], event: 'file_plan', awaited: true },
  report: { from: ['planned'], to: 'reported', who: [...OFFICE, 'chair'], event: 'report', awaited: true },
} as const satisfies Record<string, { from: readonly ChairState[]; to: ChairState | null; who: readonly string[]; event: string; awaited?: boolean }>;
export type ChairAction = keyof typeof CHAIR_STEPS;

const ZText = (zh: string, en: string) => ZString().trim().min(10, bilingual(zh, en)).max(5000, bilingual('不能超过5000字', 'At most 5,000 characters'));
export const ZChairStep = {
  file_plan: z.object({ version: ZVersion, plan: ZText('请填写活动计划(至少10个字)', 'Write the plan (at least 10 characters)') }),
  report: z.object({ version: ZVersion, report: ZText('请填写活动报告(至少10个字)', 'Write the report (at least 10 characters)') }),
} as const satisfies Record<ChairAction, z.ZodType>;

export const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, bilingual('月份格式应为 YYYY-MM', 'A month is YYYY-MM'));
export const ZScheduleChair = z.object({
  placeId: ZId,
  month: ZMonth,
  unitIds: z.array(ZId).min(1, bilingual('请选择轮值单位', 'Pick the chairing unit(s)')).max(6, bilingual('联合轮值最多6家单位', 'At most 6 units chair together')),
});
export type TScheduleChair = z.infer<typeof ZScheduleChair>;
export const ZChairList = z.object({ placeId: ZId.optional(), year: z.coerce.number().int().min(2000).max(2100).optional() });
export const ZRateChair = z.object({
  rating: z.coerce.number().int().min(1, bilingual('评分为1到5星', 'A rating is 1 to 5')).max(5, bilingual('评分为1到5星', 'A rating is 1 to 5')),
  comment: ZString().trim().max(300, bilingual('不能超过300字', 'At most 300 characters')).optional(),
});

export const CHAIR_LABELS = {
  steps: { file_plan: { zh: '提交活动计划', en: 'File the plan' }, report: { zh: '提交活动报告', en: 'Report' } },
  states: { scheduled: { zh: '待提交计划', en: 'Scheduled' }, planned: { zh: '活动进行中', en: 'Planned' }, reported: { zh: '已报告,评议中', en: 'Reported' } },
  events: { schedule: { zh: '排定轮值', en: 'Scheduled' }, rate: { zh: '评议轮值', en: 'Rated' }, remind: { zh: '提醒轮值单位', en: 'Reminded' } },
} as const;

export const CHAIR_WARNINGS = ['collective_unbalanced', 'year_unbalanced'] as const;
