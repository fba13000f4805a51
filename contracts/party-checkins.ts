import { z } from 'zod';
import { bilingual, ZId, ZReason, ZString, ZVersion } from './validation.js';

/**
 * 双报到: an in-service member (or a cadre sent down to a community, 下沉干部) checks in to their residential community
 * once a year; the community confirms or declines with a reason; after a decline the member checks in again (a new
 * check-in). Their service there is the points ledger's service entries (party_points, item kind service_hour).
 */
export const PARTY_CHECKIN_KINDS = ['in_service_member', 'sent_down_cadre'] as const;
export type PartyCheckinKind = (typeof PARTY_CHECKIN_KINDS)[number];

export const PARTY_CHECKIN_STATES = ['submitted', 'confirmed', 'declined'] as const;
export type PartyCheckinState = (typeof PARTY_CHECKIN_STATES)[number];

export const PARTY_CHECKIN_STEPS = {
  confirm: { from: ['submitted'], to: 'confirmed', who: ['district_admin', 'street_staff', 'community_worker'], event: 'confirm', awaited: true },
  decline: { from: ['submitted'], to: 'declined', who: ['district_admin', 'street_staff', 'community_worker'], event: 'decline' },
} as const satisfies Record<string, { from: readonly PartyCheckinState[]; to: PartyCheckinState | null; who: readonly string[]; event: string; awaited?: boolean }>;
export type PartyCheckinAction = keyof typeof PARTY_CHECKIN_STEPS;

export const ZPartyCheckinStep = {
  confirm: z.object({ version: ZVersion }),
  decline: z.object({ version: ZVersion, reason: ZReason }),
} as const satisfies Record<PartyCheckinAction, z.ZodType>;

/** The member's own check-in from the phone: the community (default: their record's), cadre or in-service, a note. */
export const ZCheckIn = z.object({
  placeId: ZId.optional(),
  kind: z.enum(PARTY_CHECKIN_KINDS).default('in_service_member'),
  note: ZString().trim().max(200, bilingual('备注不能超过200字', 'At most 200 characters')).optional(),
});
export type TCheckIn = z.infer<typeof ZCheckIn>;

/** How often members report their service. */
export const PARTY_REPORT_PERIODS = ['half', 'year'] as const;
export type PartyReportPeriod = (typeof PARTY_REPORT_PERIODS)[number];

/** A community's rule: check in by month-day (default 06-30) each year, report service every half year (or year). */
export const ZCheckinRules = z.object({
  placeId: ZId,
  version: z.coerce.number().int().min(0),
  deadline: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, bilingual('截止日期格式应为 MM-DD', 'A deadline is MM-DD'))
    .refine((d) => !Number.isNaN(Date.parse(`2025-${d}T00:00:00Z`)) && new Date(`2025-${d}T00:00:00Z`).toISOString().slice(5, 10) === d,
      bilingual('没有这一天', 'No such day')),
  reportPeriod: z.enum(PARTY_REPORT_PERIODS),
});
export type TCheckinRules = z.infer<typeof ZCheckinRules>;
export const DEFAULT_CHECKIN_RULES = { deadline: '06-30', reportPeriod: 'half' as PartyReportPeriod };

/** A half year 2026-H1 or a year 2026. */
export const ZPeriodOf = z.string().regex(/^\d{4}(-H[12])?$/, bilingual('期间格式应为 2026 或 2026-H1', 'A period is 2026 or 2026-H1'));

export const PARTY_CHECKIN_LABELS = {
  steps: { confirm: { zh: '确认报到', en: 'Confirm' }, decline: { zh: '退回', en: 'Decline' } },
  states: { submitted: { zh: '待确认', en: 'To confirm' }, confirmed: { zh: '已报到', en: 'Confirmed' }, declined: { zh: '已退回', en: 'Declined' } },
  events: { check_in: { zh: '报到', en: 'Checked in' } },
} as const;

export const PARTY_CHECKIN_KIND_LABELS: Record<PartyCheckinKind, { zh: string; en: string }> = {
  in_service_member: { zh: '在职党员', en: 'In-service member' },
  sent_down_cadre: { zh: '下沉干部', en: 'Cadre sent down' },
};

export const PARTY_REPORT_PERIOD_LABELS: Record<PartyReportPeriod, { zh: string; en: string }> = {
  half: { zh: '每半年', en: 'Every half year' },
  year: { zh: '每年', en: 'Every year' },
};
