import type { Selectable } from 'kysely';
import type { Actor } from '../../core/access/actor.js';
import { can } from '../../core/access/policy.js';
import type { DbOrTrx } from '../../core/db.js';
import { isStaffCaller, type LifecycleDef, type LifecycleRecord, type StepDef } from '../../core/lifecycle/types.js';
import {
  PARTY_MEMBER_LABELS, PARTY_MEMBER_STATES, PARTY_MEMBER_STEPS, ZPartyMemberStep,
  type PartyMemberAction, type PartyMemberState, type TPartyMemberEdit,
} from '../../../contracts/party.js';
import { personalColumns } from '../residents/index.js';
import { memberPlacement } from './member-placement.js';
import { partyMemberReadPolicy } from './member-policy.js';
import type { PartyMemberTable } from './tables.js';

export type PartyMemberRow = Selectable<PartyMemberTable>;

export interface PartyMemberRecord extends LifecycleRecord {
  state: PartyMemberState;
  row: PartyMemberRow;
}

export async function loadPartyMember(db: DbOrTrx, id: string): Promise<PartyMemberRecord | undefined> {
  const row = await db.selectFrom('party_members').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toMemberRecord(row);
}

export const toMemberRecord = (row: PartyMemberRow): PartyMemberRecord =>
  ({ id: row.id, version: row.version, placeId: row.place_id, placePath: row.place_path, state: row.state, row });

/** A member as the API shows them: personal data masked only (the full value is a reveal, audited). */
export const toPartyMember = (r: PartyMemberRow) => ({
  id: r.id, name: r.name, category: r.category, orgId: r.org_id, householdId: r.household_id, placeId: r.place_id, unitId: r.unit_id,
  phoneMasked: r.phone_masked, idNumberMasked: r.id_number_masked, centralHousehold: r.central_household === 1,
  state: r.state, leftAt: r.left_at, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
});

type Step = StepDef<PartyMemberRecord, never, PartyMemberState>;
const steps: Record<PartyMemberAction, Step> = {
  edit: {
    ...PARTY_MEMBER_STEPS.edit, input: ZPartyMemberStep.edit,
    run: async ({ ctx, actor, record }, input: TPartyMemberEdit) => {
      const r = record.row;
      const placed = await memberPlacement(ctx.handle.db, actor, {
        orgId: r.org_id, category: input.category ?? r.category,
        householdId: input.householdId === undefined ? r.household_id : input.householdId,
        unitId: input.unitId === undefined ? (input.category && input.category !== 'in_service_member' ? null : r.unit_id) : input.unitId,
        centralHousehold: input.centralHousehold ?? r.central_household === 1,
      });
      const personal = personalColumns(ctx.cipher, input.phone, input.idNumber);
      const set = { name: input.name, category: input.category, ...placed.columns, ...personal };
      return {
        set: Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined)),
        // The event carries masked values only.
        data: { name: input.name, category: input.category, householdId: placed.columns.household_id, unitId: placed.columns.unit_id,
          phone: personal.phone_masked, idNumber: personal.id_number_masked, centralHousehold: input.centralHousehold },
      };
    },
  },
  transfer: {
    ...PARTY_MEMBER_STEPS.transfer, input: ZPartyMemberStep.transfer,
    run: async ({ ctx, actor, record }, input: { orgId: string }) => {
      const r = record.row;
      const placed = await memberPlacement(ctx.handle.db, actor, {
        orgId: input.orgId, category: r.category, householdId: r.household_id, unitId: r.unit_id, centralHousehold: r.central_household === 1,
      });
      return { set: { org_id: input.orgId, ...placed.columns }, from: { orgId: r.org_id }, data: { orgId: input.orgId } };
    },
  },
  leave: {
    ...PARTY_MEMBER_STEPS.leave, input: ZPartyMemberStep.leave,
    run: async ({ now }, input: { reason: string }) => ({ set: { left_at: now, central_household: 0 }, reason: input.reason }),
  },
};

/** The member's state table on the lifecycle engine. */
export const partyMemberLifecycle: LifecycleDef<PartyMemberRecord, PartyMemberAction, never, PartyMemberState> = {
  entityType: 'party_member',
  table: 'party_members',
  states: PARTY_MEMBER_STATES,
  relations: {},
  steps,
  load: (ctx, id) => loadPartyMember(ctx.handle.db, id),
  visible: (caller, r) => isStaffCaller(caller) && can(caller as Actor, partyMemberReadPolicy, 'read', r.placePath, r),
  view: (_ctx, row: PartyMemberRow) => toPartyMember(row),
  labels: PARTY_MEMBER_LABELS,
};
