import { z } from 'zod';
import type { PlaceLevel } from './places.js';
import { bilingual, ZId, ZIdNumber, ZPhone, ZReason, ZString, ZVersion } from './validation.js';

/**
 * 党组织: the party-org tree beside the place tree. Each org is bound to one place of the level its kind sits at; its parent
 * is the org of the parent kind on the nearest place above (a partner unit's own org joins the committee of the street or
 * community it is bound to), so the tree follows the places and a move carries it along.
 */
export const PARTY_ORG_KINDS = ['street_working_committee', 'community_party_committee', 'compound_branch', 'building_group', 'partner_unit_org'] as const;
export type PartyOrgKind = (typeof PARTY_ORG_KINDS)[number];

/** The level each kind is bound to: 街道党工委 a street, 社区大党委 a community, 小区党支部 a compound, 楼栋党小组 a building. */
export const PARTY_ORG_PLACE_LEVELS: Record<PartyOrgKind, readonly PlaceLevel[]> = {
  street_working_committee: ['street'],
  community_party_committee: ['community'],
  compound_branch: ['compound'],
  building_group: ['building'],
  partner_unit_org: ['street', 'community'],
};

/** The kinds an org's parent may be, nearest first. */
export const PARTY_ORG_PARENT_KINDS: Record<PartyOrgKind, readonly PartyOrgKind[]> = {
  street_working_committee: [],
  community_party_committee: ['street_working_committee'],
  compound_branch: ['community_party_committee'],
  building_group: ['compound_branch'],
  partner_unit_org: ['community_party_committee', 'street_working_committee'],
};

/** The seats of an org's committee: secretary, deputy, members, part-time members from partner units (兼职委员), first secretary (第一书记). */
export const PARTY_SEATS = ['secretary', 'deputy_secretary', 'committee_member', 'part_time_member', 'first_secretary'] as const;
export type PartySeat = (typeof PARTY_SEATS)[number];

export const PARTY_ORG_STATES = ['active', 'dissolved'] as const;
export type PartyOrgState = (typeof PARTY_ORG_STATES)[number];

/**
 * The public part of the org's state table. Creating is a plain command (an active org). An office (district, street or
 * community staff) at or above the org's place edits its name and committee, or dissolves it with a reason; a dissolved
 * org stays dissolved (a new one is created in its place), so no two active orgs of a kind ever share a place.
 */
export const PARTY_ORG_STEPS = {
  edit: { from: ['active'], to: null, who: ['district_admin', 'street_staff', 'community_worker'], event: 'edit' },
  dissolve: { from: ['active'], to: 'dissolved', who: ['district_admin', 'street_staff', 'community_worker'], event: 'dissolve' },
} as const satisfies Record<string, { from: readonly PartyOrgState[]; to: PartyOrgState | null; who: readonly string[]; event: string }>;
export type PartyOrgAction = keyof typeof PARTY_ORG_STEPS;

const ZName = ZString().trim().min(2, bilingual('请填写名称(至少2个字)', 'Give a name (at least 2 characters)')).max(60, bilingual('名称不能超过60字', 'At most 60 characters'));
const ZPersonName = ZString().trim().min(1, bilingual('请填写姓名', 'Give a name')).max(30, bilingual('姓名不能超过30字', 'At most 30 characters'));

export const ZPartySeatHolder = z.object({
  seat: z.enum(PARTY_SEATS),
  name: ZPersonName,
  /** For a part-time member or first secretary: the partner unit or department they come from. */
  unitId: ZId.optional(),
});
export type TPartySeatHolder = z.infer<typeof ZPartySeatHolder>;

/** At most one secretary; the committee's seats in the order given. */
export const ZCommittee = z.array(ZPartySeatHolder).max(30, bilingual('委员不能超过30人', 'At most 30 seats'))
  .refine((c) => c.filter((s) => s.seat === 'secretary').length <= 1, bilingual('只能有一位书记', 'Only one secretary'));

export const ZCreatePartyOrg = z.object({
  kind: z.enum(PARTY_ORG_KINDS),
  name: ZName,
  placeId: ZId,
  /** The partner unit whose own org this is (partner_unit_org only). */
  unitId: ZId.optional(),
  committee: ZCommittee.default([]),
});
export type TCreatePartyOrg = z.infer<typeof ZCreatePartyOrg>;

export const ZPartyOrgStep = {
  edit: z.object({ version: ZVersion, name: ZName.optional(), committee: ZCommittee.optional() }),
  dissolve: z.object({ version: ZVersion, reason: ZReason }),
} as const satisfies Record<PartyOrgAction, z.ZodType>;

export const PARTY_ORG_LABELS = {
  steps: { edit: { zh: '修改', en: 'Edit' }, dissolve: { zh: '撤销', en: 'Dissolve' } },
  states: { active: { zh: '在册', en: 'Active' }, dissolved: { zh: '已撤销', en: 'Dissolved' } },
  events: { create: { zh: '成立', en: 'Set up' } },
} as const;

export const PARTY_ORG_KIND_LABELS: Record<PartyOrgKind, { zh: string; en: string }> = {
  street_working_committee: { zh: '街道党工委', en: 'Street working committee' },
  community_party_committee: { zh: '社区大党委', en: 'Community party committee' },
  compound_branch: { zh: '小区党支部', en: 'Compound branch' },
  building_group: { zh: '楼栋党小组', en: 'Building group' },
  partner_unit_org: { zh: '共建单位党组织', en: 'Partner unit party org' },
};

export const PARTY_SEAT_LABELS: Record<PartySeat, { zh: string; en: string }> = {
  secretary: { zh: '书记', en: 'Secretary' },
  deputy_secretary: { zh: '副书记', en: 'Deputy secretary' },
  committee_member: { zh: '委员', en: 'Committee member' },
  part_time_member: { zh: '兼职委员', en: 'Part-time member' },
  first_secretary: { zh: '第一书记', en: 'First secretary' },
};

/** 党员 categories: resident member, in-service member (在职党员, with an employer unit), mobile member (流动党员), retired. */
export const PARTY_MEMBER_CATEGORIES = ['resident_member', 'in_service_member', 'mobile_member', 'retired'] as const;
export type PartyMemberCategory = (typeof PARTY_MEMBER_CATEGORIES)[number];

export const PARTY_MEMBER_STATES = ['active', 'left'] as const;
export type PartyMemberState = (typeof PARTY_MEMBER_STATES)[number];

/**
 * The member's state table. Entering a member is a plain command. An office at or above the member's place edits the
 * record, transfers the member to another org, or records that the member left (with a reason); a member who left stays
 * on file, read-only.
 */
export const PARTY_MEMBER_STEPS = {
  edit: { from: ['active'], to: null, who: ['district_admin', 'street_staff', 'community_worker'], event: 'edit' },
  transfer: { from: ['active'], to: null, who: ['district_admin', 'street_staff', 'community_worker'], event: 'transfer' },
  leave: { from: ['active'], to: 'left', who: ['district_admin', 'street_staff', 'community_worker'], event: 'leave' },
} as const satisfies Record<string, { from: readonly PartyMemberState[]; to: PartyMemberState | null; who: readonly string[]; event: string }>;
export type PartyMemberAction = keyof typeof PARTY_MEMBER_STEPS;

const ZMemberName = ZString().trim().min(1, bilingual('请填写姓名', 'Give a name')).max(30, bilingual('姓名不能超过30字', 'At most 30 characters'));
const ZPhoneOrNull = ZPhone.nullable();
const ZIdOrNull = ZIdNumber.nullable();

/** What entering a member takes; an in-service member names the employer unit, no other category does. */
export const ZCreatePartyMember = z.object({
  name: ZMemberName,
  category: z.enum(PARTY_MEMBER_CATEGORIES),
  orgId: ZId,
  householdId: ZId.nullable().optional(),
  unitId: ZId.nullable().optional(),
  phone: ZPhoneOrNull.optional(),
  idNumber: ZIdOrNull.optional(),
  /** 党员中心户: the member's household is a front-line contact point (needs a household). */
  centralHousehold: z.boolean().default(false),
});
export type TCreatePartyMember = z.infer<typeof ZCreatePartyMember>;

export const ZPartyMemberStep = {
  edit: z.object({
    version: ZVersion, name: ZMemberName.optional(), category: z.enum(PARTY_MEMBER_CATEGORIES).optional(), householdId: ZId.nullable().optional(),
    unitId: ZId.nullable().optional(), phone: ZPhoneOrNull.optional(), idNumber: ZIdOrNull.optional(), centralHousehold: z.boolean().optional(),
  }),
  transfer: z.object({ version: ZVersion, orgId: ZId }),
  leave: z.object({ version: ZVersion, reason: ZReason }),
} as const satisfies Record<PartyMemberAction, z.ZodType>;
export type TPartyMemberEdit = z.infer<typeof ZPartyMemberStep.edit>;

export const ZRevealPartyMember = z.object({ field: z.enum(['phone', 'idNumber']), reason: ZReason });

export const PARTY_MEMBER_LABELS = {
  steps: { edit: { zh: '修改', en: 'Edit' }, transfer: { zh: '转接组织关系', en: 'Transfer' }, leave: { zh: '登记离开', en: 'Record leaving' } },
  states: { active: { zh: '在册', en: 'Active' }, left: { zh: '已离开', en: 'Left' } },
  events: {
    create: { zh: '登记', en: 'Entered' }, reveal: { zh: '查看个人信息', en: 'Revealed personal data' },
    record_service: { zh: '登记志愿服务', en: 'Service recorded' }, attend_meeting: { zh: '参加会议', en: 'Attended a meeting' },
    hold_post: { zh: '在岗积分', en: 'Credited for a post held' }, award_points: { zh: '给予积分', en: 'Points given' },
    counter_points: { zh: '积分冲正', en: 'Points countered' },
  },
} as const;

export const PARTY_MEMBER_CATEGORY_LABELS: Record<PartyMemberCategory, { zh: string; en: string }> = {
  resident_member: { zh: '居民党员', en: 'Resident member' },
  in_service_member: { zh: '在职党员', en: 'In-service member' },
  mobile_member: { zh: '流动党员', en: 'Mobile member' },
  retired: { zh: '离退休党员', en: 'Retired' },
};

/** 岗位: what a community offers members (party-member building head for a building, patrol leader, mailbox keeper, …). */
export const PARTY_POST_KINDS = ['building_head', 'patrol_leader', 'mailbox_keeper', 'other'] as const;
export type PartyPostKind = (typeof PARTY_POST_KINDS)[number];

export const PARTY_POST_STATES = ['open', 'closed'] as const;
export type PartyPostState = (typeof PARTY_POST_STATES)[number];

/** An office over the post's place closes it (with a reason) and reopens it; holders keep their places while it is closed. */
export const PARTY_POST_STEPS = {
  close: { from: ['open'], to: 'closed', who: ['district_admin', 'street_staff', 'community_worker'], event: 'close' },
  reopen: { from: ['closed'], to: 'open', who: ['district_admin', 'street_staff', 'community_worker'], event: 'reopen' },
} as const satisfies Record<string, { from: readonly PartyPostState[]; to: PartyPostState | null; who: readonly string[]; event: string }>;
export type PartyPostAction = keyof typeof PARTY_POST_STEPS;

/**
 * 认领: a member's claim on a post. A member is nominated (self-nomination recorded by staff, or a resident's
 * recommendation from the phone page); the community party committee (an office over the post) approves or declines with
 * a reason; the approved member claims a place (one of the post's N: two claims on the last place, one wins, the other
 * 409); a holder vacates with a reason, which frees the place.
 */
export const PARTY_CLAIM_STATES = ['nominated', 'approved', 'declined', 'holding', 'vacated'] as const;
export type PartyClaimState = (typeof PARTY_CLAIM_STATES)[number];

export const PARTY_CLAIM_STEPS = {
  approve: { from: ['nominated'], to: 'approved', who: ['district_admin', 'street_staff', 'community_worker'], event: 'approve', awaited: true },
  decline: { from: ['nominated'], to: 'declined', who: ['district_admin', 'street_staff', 'community_worker'], event: 'decline' },
  claim: { from: ['approved'], to: 'holding', who: ['district_admin', 'street_staff', 'community_worker'], event: 'claim' },
  vacate: { from: ['holding'], to: 'vacated', who: ['district_admin', 'street_staff', 'community_worker'], event: 'vacate' },
} as const satisfies Record<string, { from: readonly PartyClaimState[]; to: PartyClaimState | null; who: readonly string[]; event: string; awaited?: boolean }>;
export type PartyClaimAction = keyof typeof PARTY_CLAIM_STEPS;

export const ZCreatePartyPost = z.object({
  kind: z.enum(PARTY_POST_KINDS),
  title: ZString().trim().min(2, bilingual('请填写岗位名称(至少2个字)', 'Give a title (at least 2 characters)')).max(60),
  duties: ZString().trim().min(2, bilingual('请填写岗位职责', 'Describe the duties')).max(1000),
  placeId: ZId,
  places: z.coerce.number().int().min(1, bilingual('名额至少1个', 'At least one place')).max(100, bilingual('名额不能超过100个', 'At most 100 places')),
});
export type TCreatePartyPost = z.infer<typeof ZCreatePartyPost>;

export const ZNominate = z.object({ memberId: ZId });

export const ZPartyPostStep = {
  close: z.object({ version: ZVersion, reason: ZReason }),
  reopen: z.object({ version: ZVersion }),
} as const satisfies Record<PartyPostAction, z.ZodType>;

export const ZPartyClaimStep = {
  approve: z.object({ version: ZVersion }),
  decline: z.object({ version: ZVersion, reason: ZReason }),
  claim: z.object({ version: ZVersion }),
  vacate: z.object({ version: ZVersion, reason: ZReason }),
} as const satisfies Record<PartyClaimAction, z.ZodType>;

export const PARTY_POST_LABELS = {
  steps: { close: { zh: '停止招募', en: 'Close' }, reopen: { zh: '重新开放', en: 'Reopen' } },
  states: { open: { zh: '招募中', en: 'Open' }, closed: { zh: '已停止', en: 'Closed' } },
  events: { create: { zh: '发布岗位', en: 'Posted' } },
} as const;

export const PARTY_CLAIM_LABELS = {
  steps: { approve: { zh: '同意', en: 'Approve' }, decline: { zh: '不同意', en: 'Decline' }, claim: { zh: '认领', en: 'Claim' }, vacate: { zh: '退出岗位', en: 'Vacate' } },
  states: {
    nominated: { zh: '待审核', en: 'Nominated' }, approved: { zh: '已同意', en: 'Approved' }, declined: { zh: '未同意', en: 'Declined' },
    holding: { zh: '在岗', en: 'Holding' }, vacated: { zh: '已退出', en: 'Vacated' },
  },
  events: { nominate: { zh: '自荐', en: 'Self-nominated' }, recommend: { zh: '居民推荐', en: 'Recommended by a resident' } },
} as const;
