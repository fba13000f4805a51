import { z } from 'zod';
import type { PlaceLevel } from './places.js';
import { bilingual, ZId, ZReason, ZVersion } from './validation.js';

/** The states of a notice (通知公告): written as a draft, published to a place's subtree, withdrawn. */
export const ANNOUNCEMENT_STATES = ['draft', 'published', 'withdrawn'] as const;
export type AnnouncementState = (typeof ANNOUNCEMENT_STATES)[number];

/** A notice goes to a place and everything under it; buildings and households are reached through their compound. */
export const ANNOUNCEMENT_PLACE_LEVELS = ['district', 'street', 'community', 'grid', 'compound'] as const satisfies readonly PlaceLevel[];

/** Beside roles over the notice's place: `office`, a street, community or district account bound to the office that wrote it. */
export const ANNOUNCEMENT_RELATIONS = ['office'] as const;
export type AnnouncementRelation = (typeof ANNOUNCEMENT_RELATIONS)[number];

/**
 * The public part of the notice's state table. Creating is a plain command (it makes the draft). Only the office that
 * wrote a draft edits and publishes it; the office, or a street or district above the place, withdraws a published one.
 * Nothing leaves `withdrawn`.
 */
export const ANNOUNCEMENT_STEPS = {
  edit: { from: ['draft'], to: null, who: ['office'], event: 'edit' },
  publish: { from: ['draft'], to: 'published', who: ['office'], event: 'publish', awaited: true },
  withdraw: { from: ['published'], to: 'withdrawn', who: ['office', 'street_staff', 'district_admin'], event: 'withdraw' },
} as const satisfies Record<string, { from: readonly AnnouncementState[]; to: AnnouncementState | null; who: readonly string[]; event: string; awaited?: boolean }>;

export type AnnouncementAction = keyof typeof ANNOUNCEMENT_STEPS;
export const ANNOUNCEMENT_ACTIONS = Object.keys(ANNOUNCEMENT_STEPS) as AnnouncementAction[];

const ZTitle = z.string().trim().min(2, bilingual('请填写标题(至少2个字)', 'Give a title (at least 2 characters)')).max(100, bilingual('标题不能超过100字', 'At most 100 characters'));
const ZBody = z.string().trim().min(1, bilingual('请填写正文', 'Write the notice')).max(5000, bilingual('正文不能超过5000字', 'At most 5000 characters'));

export const ZCreateAnnouncement = z.object({ title: ZTitle, body: ZBody, placeId: ZId });
export type TCreateAnnouncement = z.infer<typeof ZCreateAnnouncement>;

/** One body per step; `version` guards every one. */
export const ZAnnouncementStep = {
  edit: z.object({ version: ZVersion, title: ZTitle.optional(), body: ZBody.optional(), placeId: ZId.optional() }),
  publish: z.object({ version: ZVersion }),
  withdraw: z.object({ version: ZVersion, reason: ZReason }),
} as const satisfies Record<AnnouncementAction, z.ZodType>;
export type TAnnouncementStep<A extends AnnouncementAction> = z.infer<(typeof ZAnnouncementStep)[A]>;

export const ANNOUNCEMENT_LABELS = {
  steps: { edit: { zh: '修改', en: 'Edit' }, publish: { zh: '发布', en: 'Publish' }, withdraw: { zh: '撤回', en: 'Withdraw' } },
  states: { draft: { zh: '草稿', en: 'Draft' }, published: { zh: '已发布', en: 'Published' }, withdrawn: { zh: '已撤回', en: 'Withdrawn' } },
  events: { create: { zh: '新建', en: 'Created' } },
} as const;
