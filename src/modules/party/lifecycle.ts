import type { Selectable } from 'kysely';
import type { Actor } from '../../core/access/actor.js';
import { can } from '../../core/access/policy.js';
import type { DbOrTrx } from '../../core/db.js';
import { isStaffCaller, type LifecycleDef, type LifecycleRecord, type StepDef } from '../../core/lifecycle/types.js';
import {
  PARTY_ORG_LABELS, PARTY_ORG_STATES, PARTY_ORG_STEPS, ZPartyOrgStep,
  type PartyOrgAction, type PartyOrgState, type TPartySeatHolder,
} from '../../../contracts/party.js';
import { checkCommittee } from './committee.js';
import { partyOrgReadPolicy } from './policy.js';
import type { PartyOrgTable } from './tables.js';

export type PartyOrgRow = Selectable<PartyOrgTable>;

export interface PartyOrgRecord extends LifecycleRecord {
  state: PartyOrgState;
  row: PartyOrgRow;
}

export async function loadPartyOrg(db: DbOrTrx, id: string): Promise<PartyOrgRecord | undefined> {
  const row = await db.selectFrom('party_orgs').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toRecord(row);
}

export const toRecord = (row: PartyOrgRow): PartyOrgRecord =>
  ({ id: row.id, version: row.version, placeId: row.place_id, placePath: row.place_path, state: row.state, row });

export const toPartyOrg = (r: PartyOrgRow) => {
  const committee = JSON.parse(r.committee) as TPartySeatHolder[];
  return {
    id: r.id, kind: r.kind, name: r.name, placeId: r.place_id, unitId: r.unit_id, committee,
    secretary: committee.find((s) => s.seat === 'secretary')?.name ?? null,
    state: r.state, dissolvedAt: r.dissolved_at, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
  };
};

type Step = StepDef<PartyOrgRecord, never, PartyOrgState>;
const steps: Record<PartyOrgAction, Step> = {
  edit: {
    ...PARTY_ORG_STEPS.edit, input: ZPartyOrgStep.edit,
    run: async ({ ctx, actor }, input: { name?: string; committee?: TPartySeatHolder[] }) => {
      if (input.committee) await checkCommittee(ctx.handle.db, actor, input.committee);
      const set = { name: input.name, committee: input.committee && JSON.stringify(input.committee) };
      return { set: Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined)), data: { name: input.name, committee: input.committee } };
    },
  },
  dissolve: {
    ...PARTY_ORG_STEPS.dissolve, input: ZPartyOrgStep.dissolve,
    // Only active orgs are unique per place: a new one of the kind may then be set up there.
    run: async ({ now }, input: { reason: string }) => ({ set: { dissolved_at: now }, reason: input.reason }),
  },
};

/** The party org's state table on the lifecycle engine. */
export const partyOrgLifecycle: LifecycleDef<PartyOrgRecord, PartyOrgAction, never, PartyOrgState> = {
  entityType: 'party_org',
  table: 'party_orgs',
  states: PARTY_ORG_STATES,
  relations: {},
  steps,
  load: (ctx, id) => loadPartyOrg(ctx.handle.db, id),
  visible: (caller, r) => isStaffCaller(caller) && can(caller as Actor, partyOrgReadPolicy, 'read', r.placePath, r),
  view: (_ctx, row: PartyOrgRow) => toPartyOrg(row),
  labels: PARTY_ORG_LABELS,
};
