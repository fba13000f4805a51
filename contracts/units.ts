import { z } from 'zod';
import { bilingual, ZId, ZString } from './validation.js';

/** A government department (城管, 住建 …) that work orders are dispatched to, or a partner unit (共建单位). */
export const UNIT_KINDS = ['department', 'partner_unit'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** What a partner unit is (departments have none): the kinds a community or street signs up. */
export const PARTNER_KINDS = ['agency', 'school', 'hospital', 'company', 'social_org', 'property_company'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const PARTNER_KIND_LABELS: Record<PartnerKind, { zh: string; en: string }> = {
  agency: { zh: '机关单位', en: 'Agency' },
  school: { zh: '学校', en: 'School' },
  hospital: { zh: '医院', en: 'Hospital' },
  company: { zh: '企业', en: 'Company' },
  social_org: { zh: '社会组织', en: 'Social organisation' },
  property_company: { zh: '物业公司', en: 'Property company' },
};

/** An agreement's renewal state, computed from its end: lapsing within 30 days, lapsed after it. */
export const AGREEMENT_STATES = ['none', 'active', 'lapsing', 'lapsed'] as const;
export type AgreementState = (typeof AGREEMENT_STATES)[number];
export const AGREEMENT_LAPSING_DAYS = 30;
export const AGREEMENT_STATE_LABELS: Record<AgreementState, { zh: string; en: string }> = {
  none: { zh: '未签协议', en: 'No agreement' },
  active: { zh: '协议有效', en: 'In force' },
  lapsing: { zh: '即将到期,请续签', en: 'Lapsing soon: renew' },
  lapsed: { zh: '已到期', en: 'Lapsed' },
};

/** The agreement's state on `day` (YYYY-MM-DD): lapsed after its end, lapsing within 30 days of it. */
export function agreementState(termEnd: string | null | undefined, day: string): AgreementState {
  if (!termEnd) return 'none';
  if (termEnd < day) return 'lapsed';
  const days = (Date.parse(`${termEnd}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000;
  return days <= AGREEMENT_LAPSING_DAYS ? 'lapsing' : 'active';
}

const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, bilingual('日期格式应为 YYYY-MM-DD', 'A date is YYYY-MM-DD'));
const ZName = ZString().trim().min(2, bilingual('请填写单位名称(至少2个字)', 'Give the unit’s name (at least 2 characters)')).max(80);
const ZPerson = ZString().trim().max(40, bilingual('不能超过40字', 'At most 40 characters'));

/** A community or street signs up a partner unit on its place. */
export const ZCreatePartnerUnit = z.object({
  placeId: ZId,
  name: ZName,
  partnerKind: z.enum(PARTNER_KINDS),
  contactName: ZPerson.optional(),
  contactTitle: ZPerson.optional(),
});
export type TCreatePartnerUnit = z.infer<typeof ZCreatePartnerUnit>;

export const ZEditPartnerUnit = z.object({
  version: z.coerce.number().int().min(1),
  name: ZName.optional(),
  partnerKind: z.enum(PARTNER_KINDS).optional(),
  contactName: ZPerson.optional(),
  contactTitle: ZPerson.optional(),
});
export type TEditPartnerUnit = z.infer<typeof ZEditPartnerUnit>;

/** The co-building agreement (共建协议): its term and what the unit commits to; version 0 signs the first one. */
export const ZAgreement = z.object({
  version: z.coerce.number().int().min(0),
  termStart: ZDay,
  termEnd: ZDay,
  commitments: ZString().trim().min(2, bilingual('请填写共建承诺', 'Give the commitments')).max(2000),
}).refine((a) => a.termEnd > a.termStart, { path: ['termEnd'], message: bilingual('结束日期应晚于开始日期', 'The end must be after the start').error });
export type TAgreement = z.infer<typeof ZAgreement>;

export const ZUnitList = z.object({
  placeId: ZId.optional(),
  partnerKind: z.enum(PARTNER_KINDS).optional(),
  agreement: z.enum(AGREEMENT_STATES).optional(),
  q: z.string().max(40).optional(),
});
