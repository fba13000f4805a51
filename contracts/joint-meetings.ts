import { z } from 'zod';
import { bilingual, ZId, ZReason, ZString, ZVersion } from './validation.js';

/**
 * Joint meetings (联席会议) of a community's or street's council of partner units, at least once a quarter.
 *
 * A meeting: planned by an office over its street or community (agenda items, some of them needs without a match, and
 * the partner units invited) → held (the invited units' contacts sign in by the meeting's QR code while it is planned or
 * held) → minutes published, with decisions that become tasks (an owner unit and a due date). A planned meeting may be
 * cancelled with a reason. A task: open → done (by its unit's contact or an office), with a note; an open task past its
 * due date is overdue (computed, never stored).
 */
export const MEETING_STATES = ['planned', 'held', 'minutes_published', 'cancelled'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];

const OFFICE = ['district_admin', 'street_staff', 'community_worker'] as const;

export const MEETING_STEPS = {
  hold: { from: ['planned'], to: 'held', who: OFFICE, event: 'hold', awaited: true },
  publish_minutes: { from: ['held'], to: 'minutes_published', who: OFFICE, event: 'publish_minutes', awaited: true },
  cancel: { from: ['planned'], to: 'cancelled', who: OFFICE, event: 'cancel' },
} as const satisfies Record<string, { from: readonly MeetingState[]; to: MeetingState | null; who: readonly string[]; event: string; awaited?: boolean }>;
export type MeetingAction = keyof typeof MEETING_STEPS;

export const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, bilingual('日期格式应为 YYYY-MM-DD', 'A date is YYYY-MM-DD'));
const ZTitle = ZString().trim().min(2, bilingual('请填写标题(至少2个字)', 'Give a title (at least 2 characters)')).max(80, bilingual('不能超过80字', 'At most 80 characters'));

/** A decision of the minutes: what, which unit answers for it, by when. */
export const ZDecision = z.object({ title: ZTitle, unitId: ZId, dueOn: ZDay });
export type TDecision = z.infer<typeof ZDecision>;

export const ZMeetingStep = {
  hold: z.object({ version: ZVersion }),
  publish_minutes: z.object({
    version: ZVersion,
    minutes: ZString().trim().min(10, bilingual('请填写会议纪要(至少10个字)', 'Write the minutes (at least 10 characters)')).max(10_000, bilingual('不能超过10000字', 'At most 10,000 characters')),
    decisions: z.array(ZDecision).max(30, bilingual('决定事项最多30项', 'At most 30 decisions')).default([]),
  }),
  cancel: z.object({ version: ZVersion, reason: ZReason }),
} as const satisfies Record<MeetingAction, z.ZodType>;

/** An office plans a meeting on its street or community: when, where, the agenda (needs and other items), who is invited. */
export const ZPlanMeeting = z.object({
  placeId: ZId,
  title: ZTitle,
  plannedAt: z.iso.datetime({ offset: true, error: bilingual('请选择会议时间', 'Pick the meeting time').error }),
  venue: ZString().trim().min(2, bilingual('请填写会议地点', 'Give the venue')).max(100),
  unitIds: z.array(ZId).min(1, bilingual('请至少邀请一个共建单位', 'Invite at least one partner unit')).max(50),
  needIds: z.array(ZId).max(30).default([]),
  items: z.array(ZTitle).max(30).default([]),
}).refine((m) => m.needIds.length + m.items.length > 0, { path: ['items'], message: bilingual('请至少列一项议题', 'List at least one agenda item').error });
export type TPlanMeeting = z.infer<typeof ZPlanMeeting>;

export const ZMeetingList = z.object({
  placeId: ZId.optional(),
  state: z.enum(MEETING_STATES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const TASK_STATES = ['open', 'done'] as const;
export type TaskState = (typeof TASK_STATES)[number];
export const TASK_STEPS = {
  complete: { from: ['open'], to: 'done', who: [...OFFICE, 'owner'], event: 'complete', awaited: true },
} as const satisfies Record<string, { from: readonly TaskState[]; to: TaskState | null; who: readonly string[]; event: string; awaited?: boolean }>;
export type TaskAction = keyof typeof TASK_STEPS;
export const ZTaskStep = {
  complete: z.object({ version: ZVersion, note: ZString().trim().min(2, bilingual('请填写完成情况(至少2个字)', 'Say what was done (at least 2 characters)')).max(1000) }),
} as const satisfies Record<TaskAction, z.ZodType>;

export const ZTaskList = z.object({
  placeId: ZId.optional(),
  state: z.enum(TASK_STATES).optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

export const MEETING_LABELS = {
  steps: { hold: { zh: '召开会议', en: 'Hold' }, publish_minutes: { zh: '发布纪要', en: 'Publish the minutes' }, cancel: { zh: '取消会议', en: 'Cancel' } },
  states: {
    planned: { zh: '待召开', en: 'Planned' }, held: { zh: '已召开', en: 'Held' }, minutes_published: { zh: '纪要已发布', en: 'Minutes published' }, cancelled: { zh: '已取消', en: 'Cancelled' },
  },
  events: { plan: { zh: '筹备会议', en: 'Planned' }, sign_in: { zh: '扫码签到', en: 'Signed in' } },
} as const;

export const TASK_LABELS = {
  steps: { complete: { zh: '完成', en: 'Complete' } },
  states: { open: { zh: '办理中', en: 'Open' }, done: { zh: '已完成', en: 'Done' } },
  events: { assign: { zh: '会议决定交办', en: 'Assigned by the meeting' } },
} as const;

/** The quarter ('YYYY-Qn') a Beijing-time day 'YYYY-MM-DD' falls in, and its first and last days. */
export function quarterOf(day: string): { key: string; first: string; last: string } {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const q = Math.floor((m - 1) / 3);
  const first = `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`;
  const last = new Date(Date.UTC(y, q * 3 + 3, 0)).toISOString().slice(0, 10);
  return { key: `${y}-Q${q + 1}`, first, last };
}
