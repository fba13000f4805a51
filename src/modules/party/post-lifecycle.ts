import type { Selectable } from 'kysely';
import type { Actor } from '../../core/access/actor.js';
import { can } from '../../core/access/policy.js';
import type { DbOrTrx } from '../../core/db.js';
import { conflict } from '../../core/errors.js';
import { isStaffCaller, type LifecycleDef, type LifecycleRecord } from '../../core/lifecycle/types.js';
import {
  PARTY_CLAIM_LABELS, PARTY_CLAIM_STATES, PARTY_CLAIM_STEPS, PARTY_POST_LABELS, PARTY_POST_STATES, PARTY_POST_STEPS, ZPartyClaimStep, ZPartyPostStep,
  type PartyClaimAction, type PartyClaimState, type PartyPostAction, type PartyPostState,
} from '../../../contracts/party.js';
import { ensureCardKeys } from './identity.js';
import { partyMsg } from './messages.js';
import { partyPostReadPolicy } from './post-policy.js';
import type { PartyClaimTable, PartyPostTable } from './tables.js';

export type PartyPostRow = Selectable<PartyPostTable>;
export type PartyClaimRow = Selectable<PartyClaimTable>;
export interface PartyPostRecord extends LifecycleRecord { state: PartyPostState; row: PartyPostRow }
export interface PartyClaimRecord extends LifecycleRecord { state: PartyClaimState; row: PartyClaimRow }

export const toPartyPost = (r: PartyPostRow) => ({
  id: r.id, kind: r.kind, title: r.title, duties: r.duties, placeId: r.place_id, placesTotal: r.places_total, placesTaken: r.places_taken,
  state: r.state, version: r.version, createdAt: r.created_at,
});
export const toPartyClaim = (r: PartyClaimRow) => ({
  id: r.id, postId: r.post_id, memberId: r.member_id, source: r.source, state: r.state, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
});

const seen = (caller: Parameters<LifecycleDef<any, any, any, any>['visible']>[0], r: LifecycleRecord) =>
  isStaffCaller(caller) && can(caller as Actor, partyPostReadPolicy, 'read', r.placePath, r);

export async function loadPartyPost(db: DbOrTrx, id: string): Promise<PartyPostRecord | undefined> {
  const row = await db.selectFrom('party_posts').selectAll().where('id', '=', id).executeTakeFirst();
  return row && { id: row.id, version: row.version, placeId: row.place_id, placePath: row.place_path, state: row.state, row };
}

export async function loadPartyClaim(db: DbOrTrx, id: string): Promise<PartyClaimRecord | undefined> {
  const row = await db.selectFrom('party_claims').selectAll().where('id', '=', id).executeTakeFirst();
  return row && { id: row.id, version: row.version, placeId: row.place_id, placePath: row.place_path, state: row.state, row };
}

/** The post's state table: close and reopen recruitment. */
export const partyPostLifecycle: LifecycleDef<PartyPostRecord, PartyPostAction, never, PartyPostState> = {
  entityType: 'party_post', table: 'party_posts', states: PARTY_POST_STATES, relations: {},
  steps: {
    close: { ...PARTY_POST_STEPS.close, input: ZPartyPostStep.close, run: async (_s, input: { reason: string }) => ({ reason: input.reason }) },
    reopen: { ...PARTY_POST_STEPS.reopen, input: ZPartyPostStep.reopen },
  },
  load: (ctx, id) => loadPartyPost(ctx.handle.db, id),
  visible: seen,
  view: (_ctx, row: PartyPostRow) => toPartyPost(row),
  labels: PARTY_POST_LABELS,
};

const full = () => conflict('post', partyMsg.postFull, 'conflict');

/**
 * The claim's state table. Claiming takes one of the post's places by one conditional update of its counter inside the
 * step's transaction: of two claims on the last place, one updates the counter and the other finds none left (409) and
 * writes nothing. Vacating gives the place back.
 */
export const partyClaimLifecycle: LifecycleDef<PartyClaimRecord, PartyClaimAction, never, PartyClaimState> = {
  entityType: 'party_claim', table: 'party_claims', states: PARTY_CLAIM_STATES, relations: {},
  steps: {
    approve: { ...PARTY_CLAIM_STEPS.approve, input: ZPartyClaimStep.approve },
    decline: { ...PARTY_CLAIM_STEPS.decline, input: ZPartyClaimStep.decline, run: async (_s, input: { reason: string }) => ({ reason: input.reason }) },
    claim: {
      ...PARTY_CLAIM_STEPS.claim, input: ZPartyClaimStep.claim,
      run: async ({ record }) => ({
        after: async (trx) => {
          const taken = await trx.updateTable('party_posts').set((eb) => ({ places_taken: eb('places_taken', '+', 1) }))
            .where('id', '=', record.row.post_id).where('state', '=', 'open').whereRef('places_taken', '<', 'places_total').executeTakeFirst();
          if (Number(taken.numUpdatedRows) !== 1) throw full();
          // The holder's public card (亮身份) exists from the claim on, before any page lists them.
          await ensureCardKeys(trx, [record.row.member_id]);
        },
      }),
    },
    vacate: {
      ...PARTY_CLAIM_STEPS.vacate, input: ZPartyClaimStep.vacate,
      run: async ({ record }, input: { reason: string }) => ({
        reason: input.reason,
        after: async (trx) => {
          await trx.updateTable('party_posts').set((eb) => ({ places_taken: eb('places_taken', '-', 1) })).where('id', '=', record.row.post_id).execute();
        },
      }),
    },
  },
  load: (ctx, id) => loadPartyClaim(ctx.handle.db, id),
  visible: seen,
  view: (_ctx, row: PartyClaimRow) => toPartyClaim(row),
  labels: PARTY_CLAIM_LABELS,
};
