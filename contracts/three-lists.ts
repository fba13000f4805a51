import { z } from 'zod';
import { bilingual, ZId, ZReason, ZString, ZVersion } from './validation.js';

/**
 * The three lists (三单): needs (需求清单), resources (资源清单) and the service loop that matches them
 * (群众点单、社区派单、单位接单、群众评单).
 *
 * A need: reported (by a resident on the phone page, a building head or a grid worker) → published by an office over its
 * place, or rejected with a reason, or merged into another need (a duplicate) → dispatched by an office to a partner unit
 * (with one of its resources, whose capacity the take uses) → taken by the unit's contact, or declined with a reason (back
 * to published) → delivered with a record and photos → rated 1–5 by whoever reported it. Nothing leaves rejected, merged
 * or rated.
 *
 * A resource: submitted by a unit's contact (or an office for the unit) → published by an office over the area it
 * serves, or rejected with a reason; a published resource may be withdrawn. Its capacity is per month; the month's
 * remaining capacity never goes below zero.
 */
export const THREE_LIST_CATEGORIES = ['elderly', 'children', 'health', 'education', 'employment', 'legal', 'repairs', 'environment', 'culture', 'utilities', 'other'] as const;
export type ThreeListCategory = (typeof THREE_LIST_CATEGORIES)[number];
export const THREE_LIST_CATEGORY_LABELS: Record<ThreeListCategory, { zh: string; en: string }> = {
  elderly: { zh: '养老助老', en: 'Elderly care' },
  children: { zh: '儿童关爱', en: 'Children' },
  health: { zh: '健康医疗', en: 'Health' },
  education: { zh: '教育助学', en: 'Education' },
  employment: { zh: '就业帮扶', en: 'Employment' },
  legal: { zh: '法律服务', en: 'Legal aid' },
  repairs: { zh: '维修改造', en: 'Repairs' },
  environment: { zh: '环境整治', en: 'Environment' },
  culture: { zh: '文体活动', en: 'Culture and sport' },
  utilities: { zh: '水电气网', en: 'Utilities' },
  other: { zh: '其他', en: 'Other' },
};

export const NEED_URGENCIES = ['normal', 'urgent'] as const;
export type NeedUrgency = (typeof NEED_URGENCIES)[number];
export const NEED_URGENCY_LABELS: Record<NeedUrgency, { zh: string; en: string }> = {
  normal: { zh: '一般', en: 'Normal' },
  urgent: { zh: '紧急', en: 'Urgent' },
};

export const NEED_CHANNELS = ['h5', 'building_head', 'grid_worker', 'staff', 'work_order'] as const;
export type NeedChannel = (typeof NEED_CHANNELS)[number];
export const NEED_CHANNEL_LABELS: Record<NeedChannel, { zh: string; en: string }> = {
  h5: { zh: '居民手机提交', en: 'Resident (phone)' },
  building_head: { zh: '楼长上报', en: 'Building head' },
  grid_worker: { zh: '网格员上报', en: 'Grid worker' },
  staff: { zh: '社区登记', en: 'Entered by staff' },
  work_order: { zh: '工单转入', en: 'From a work order' },
};

export const NEED_STATES = ['reported', 'published', 'rejected', 'merged', 'dispatched', 'taken', 'delivered', 'rated'] as const;
export type NeedState = (typeof NEED_STATES)[number];

const OFFICE = ['district_admin', 'street_staff', 'community_worker'] as const;

export const NEED_STEPS = {
  publish: { from: ['reported'], to: 'published', who: OFFICE, event: 'publish', awaited: true },
  reject: { from: ['reported'], to: 'rejected', who: OFFICE, event: 'reject' },
  merge: { from: ['reported', 'published'], to: 'merged', who: OFFICE, event: 'merge' },
  dispatch: { from: ['published'], to: 'dispatched', who: OFFICE, event: 'dispatch', awaited: true },
  take: { from: ['dispatched'], to: 'taken', who: ['assignee'], event: 'take', awaited: true },
  decline: { from: ['dispatched'], to: 'published', who: ['assignee'], event: 'decline' },
  deliver: { from: ['taken'], to: 'delivered', who: ['assignee'], event: 'deliver', awaited: true },
  rate: { from: ['delivered'], to: 'rated', who: ['reporter'], event: 'rate', awaited: true },
} as const satisfies Record<string, { from: readonly NeedState[]; to: NeedState | null; who: readonly string[]; event: string; awaited?: boolean }>;
export type NeedAction = keyof typeof NEED_STEPS;

const ZNote = ZString().trim().min(2, bilingual('请填写服务记录(至少2个字)', 'Describe the service (at least 2 characters)')).max(1000);

export const ZNeedStep = {
  publish: z.object({ version: ZVersion }),
  reject: z.object({ version: ZVersion, reason: ZReason }),
  merge: z.object({ version: ZVersion, intoId: ZId }),
  /** To a partner unit (with one of its resources, or none) or to a party member with a linked sign-in: one of the two. */
  dispatch: z.object({ version: ZVersion, unitId: ZId.optional(), memberId: ZId.optional(), resourceId: ZId.optional() })
    .refine((d) => !!d.unitId !== !!d.memberId, { path: ['unitId'], message: bilingual('请选择一个共建单位或一名党员', 'Pick a partner unit or a party member').error })
    .refine((d) => !d.memberId || !d.resourceId, { path: ['resourceId'], message: bilingual('派给党员时不选资源', 'A need dispatched to a member uses no resource').error }),
  take: z.object({ version: ZVersion }),
  decline: z.object({ version: ZVersion, reason: ZReason }),
  deliver: z.object({ version: ZVersion, note: ZNote }),
  rate: z.object({
    version: ZVersion,
    rating: z.coerce.number().int().min(1, bilingual('评分为1到5星', 'A rating is 1 to 5')).max(5, bilingual('评分为1到5星', 'A rating is 1 to 5')),
    comment: ZString().trim().max(300, bilingual('不能超过300字', 'At most 300 characters')).optional(),
  }),
} as const satisfies Record<NeedAction, z.ZodType>;

const ZTitle = ZString().trim().min(2, bilingual('请填写标题(至少2个字)', 'Give a title (at least 2 characters)')).max(60, bilingual('标题不能超过60字', 'At most 60 characters'));
const ZBody = ZString().trim().min(2, bilingual('请填写说明(至少2个字)', 'Describe it (at least 2 characters)')).max(1000, bilingual('不能超过1000字', 'At most 1000 characters'));

/** A need as reported: what, where (a compound, building or household; or a grid or community), for whom, how urgent. */
export const ZReportNeed = z.object({
  title: ZTitle,
  description: ZBody,
  category: z.enum(THREE_LIST_CATEGORIES),
  urgency: z.enum(NEED_URGENCIES).default('normal'),
  beneficiary: ZString().trim().max(60, bilingual('不能超过60字', 'At most 60 characters')).optional(),
  placeId: ZId,
});
export type TReportNeed = z.infer<typeof ZReportNeed>;

/** An office turns a work order into a need (the order's title, description and place; the category it names). */
export const ZNeedFromWorkOrder = z.object({ workOrderId: ZId, category: z.enum(THREE_LIST_CATEGORIES), urgency: z.enum(NEED_URGENCIES).default('normal') });
export type TNeedFromWorkOrder = z.infer<typeof ZNeedFromWorkOrder>;

export const ZNeedList = z.object({
  placeId: ZId.optional(),
  state: z.enum(NEED_STATES).optional(),
  category: z.enum(THREE_LIST_CATEGORIES).optional(),
  workOrderId: ZId.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const RESOURCE_STATES = ['submitted', 'published', 'rejected', 'withdrawn'] as const;
export type ResourceState = (typeof RESOURCE_STATES)[number];

export const RESOURCE_STEPS = {
  publish: { from: ['submitted'], to: 'published', who: OFFICE, event: 'publish', awaited: true },
  reject: { from: ['submitted'], to: 'rejected', who: OFFICE, event: 'reject' },
  withdraw: { from: ['published'], to: 'withdrawn', who: [...OFFICE, 'owner'], event: 'withdraw' },
} as const satisfies Record<string, { from: readonly ResourceState[]; to: ResourceState | null; who: readonly string[]; event: string; awaited?: boolean }>;
export type ResourceAction = keyof typeof RESOURCE_STEPS;

export const ZResourceStep = {
  publish: z.object({ version: ZVersion }),
  reject: z.object({ version: ZVersion, reason: ZReason }),
  withdraw: z.object({ version: ZVersion, reason: ZReason }),
} as const satisfies Record<ResourceAction, z.ZodType>;

/** A unit's resource: what, its category, how many times a month it can serve, the area it serves (a place). */
export const ZCreateResource = z.object({
  unitId: ZId.optional(),
  title: ZTitle,
  description: ZBody,
  category: z.enum(THREE_LIST_CATEGORIES),
  capacity: z.coerce.number().int().min(1, bilingual('每月可服务次数至少为1', 'At least once a month')).max(10_000),
  placeId: ZId,
  /** When it serves, as text (每周二、四 9:00-11:00). */
  schedule: ZString().trim().max(100, bilingual('不能超过100字', 'At most 100 characters')).optional(),
  /** Who or what it serves, as text (限本社区60岁以上老人，需提前一天预约). */
  conditions: ZString().trim().max(300, bilingual('不能超过300字', 'At most 300 characters')).optional(),
});
export type TCreateResource = z.infer<typeof ZCreateResource>;

export const ZResourceList = z.object({
  placeId: ZId.optional(),
  state: z.enum(RESOURCE_STATES).optional(),
  category: z.enum(THREE_LIST_CATEGORIES).optional(),
  unitId: ZId.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const NEED_LABELS = {
  steps: {
    publish: { zh: '审核发布', en: 'Publish' }, reject: { zh: '不予受理', en: 'Reject' }, merge: { zh: '合并重复', en: 'Merge duplicate' },
    dispatch: { zh: '派单', en: 'Dispatch' }, take: { zh: '接单', en: 'Take' }, decline: { zh: '退回', en: 'Decline' },
    deliver: { zh: '服务完成', en: 'Deliver' }, rate: { zh: '评单', en: 'Rate' },
  },
  states: {
    reported: { zh: '待审核', en: 'Reported' }, published: { zh: '待派单', en: 'Published' }, rejected: { zh: '不予受理', en: 'Rejected' },
    merged: { zh: '已合并', en: 'Merged' }, dispatched: { zh: '待接单', en: 'Dispatched' }, taken: { zh: '服务中', en: 'Taken' },
    delivered: { zh: '待评价', en: 'Delivered' }, rated: { zh: '已评价', en: 'Rated' },
  },
  events: { report: { zh: '提出需求', en: 'Reported' }, add_photos: { zh: '上传照片', en: 'Photos added' } },
} as const;

export const RESOURCE_LABELS = {
  steps: { publish: { zh: '审核发布', en: 'Publish' }, reject: { zh: '不予发布', en: 'Reject' }, withdraw: { zh: '下架', en: 'Withdraw' } },
  states: { submitted: { zh: '待审核', en: 'Submitted' }, published: { zh: '已发布', en: 'Published' }, rejected: { zh: '未通过', en: 'Rejected' }, withdrawn: { zh: '已下架', en: 'Withdrawn' } },
  events: { submit: { zh: '提交资源', en: 'Submitted' } },
} as const;

/** One suggested resource for a need: its score, and the reasons in the order they weigh (each zh and en). */
/** A party member suggested for a need, ranked as the resources are (src/modules/three-lists/member-suggestions.ts). */
export interface TMemberSuggestion {
  id: string;
  name: string;
  orgName: string;
  unitName: string | null;
  /** Needs dispatched to or taken by them, not yet delivered. */
  openNeeds: number;
  rating: number | null;
  score: number;
  reasons: { zh: string; en: string }[];
}

export interface TSuggestion {
  resourceId: string;
  title: string;
  unitId: string;
  unitName: string;
  category: ThreeListCategory;
  placeName: string;
  schedule: string | null;
  conditions: string | null;
  remaining: number;
  capacity: number;
  rating: number | null;
  ratings: number;
  score: number;
  reasons: { zh: string; en: string }[];
}
