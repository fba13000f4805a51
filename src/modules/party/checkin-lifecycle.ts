import type { Selectable } from 'kysely';
import type { Actor } from '../../core/access/actor.js';
import { allow, can, definePolicy, type Policy } from '../../core/access/policy.js';
import { OFFICE_ROLES, STAFF_ROLES } from '../../core/access/roles.js';
import type { DbOrTrx } from '../../core/db.js';
import { lifecyclePolicy } from '../../core/lifecycle/abilities.js';
import { isStaffCaller, type LifecycleDef, type LifecycleRecord } from '../../core/lifecycle/types.js';
import {
  PARTY_CHECKIN_LABELS, PARTY_CHECKIN_STATES, PARTY_CHECKIN_STEPS, ZPartyCheckinStep, type PartyCheckinAction, type PartyCheckinState,
} from '../../../contracts/party-checkins.js';
import type { PartyCheckinTable } from './checkin-tables.js';

export type PartyCheckinRow = Selectable<PartyCheckinTable>;
export interface PartyCheckinRecord extends LifecycleRecord { state: PartyCheckinState; row: PartyCheckinRow }

/** Staff see the check-ins to communities of their subtree; offices set the period rule and export the report. */
export const partyCheckinReadPolicy = definePolicy<unknown>('party_checkin', [...allow<unknown>(STAFF_ROLES, 'read')]);
export const partyCheckinPolicy = definePolicy<Record<string, never>>('party_checkin', [
  ...allow(STAFF_ROLES, ['read', 'missing']), ...allow(OFFICE_ROLES, 'rules'), ...allow('partner_contact', 'employer'),
]);

export const toPartyCheckin = (r: PartyCheckinRow) => ({
  id: r.id, memberId: r.member_id, placeId: r.place_id, unitId: r.unit_id, kind: r.kind, year: r.year, note: r.note, state: r.state,
  declineReason: r.decline_reason, decidedAt: r.decided_at, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
});

export async function loadPartyCheckin(db: DbOrTrx, id: string): Promise<PartyCheckinRecord | undefined> {
  const row = await db.selectFrom('party_checkins').selectAll().where('id', '=', id).executeTakeFirst();
  return row && { id: row.id, version: row.version, placeId: row.place_id, placePath: row.place_path, state: row.state, row };
}

/** The check-in's state table: the community confirms, or declines with a reason (the member may then check in again). */
export const partyCheckinLifecycle: LifecycleDef<PartyCheckinRecord, PartyCheckinAction, never, PartyCheckinState> = {
  entityType: 'party_checkin', table: 'party_checkins', states: PARTY_CHECKIN_STATES, relations: {},
  steps: {
    confirm: { ...PARTY_CHECKIN_STEPS.confirm, input: ZPartyCheckinStep.confirm, run: async ({ now }) => ({ set: { decided_at: now } }) },
    decline: {
      ...PARTY_CHECKIN_STEPS.decline, input: ZPartyCheckinStep.decline,
      run: async ({ now }, input: { reason: string }) => ({ set: { decided_at: now, decline_reason: input.reason }, reason: input.reason }),
    },
  },
  load: (ctx, id) => loadPartyCheckin(ctx.handle.db, id),
  visible: (caller, r) => isStaffCaller(caller) && can(caller as Actor, partyCheckinReadPolicy, 'read', r.placePath, r),
  view: (_ctx, row: PartyCheckinRow) => toPartyCheckin(row),
  labels: PARTY_CHECKIN_LABELS,
};

export const partyCheckinAbilities = (): Policy<any> =>
  definePolicy<any>('party_checkin', [...partyCheckinPolicy.rules, ...lifecyclePolicy(partyCheckinLifecycle).rules]);
