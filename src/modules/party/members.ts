import type { Actor } from '../../core/access/actor.js';
import { allowedWhere, rolesAllowed } from '../../core/access/policy.js';
import { assertInScope, bindingsOver, inSubtrees } from '../../core/access/scope.js';
import type { AppContext } from '../../core/context.js';
import { forbidden } from '../../core/errors.js';
import { appendEvent } from '../../core/events.js';
import { newId, nowIso } from '../../core/ids.js';
import { availableActions } from '../../core/lifecycle/engine.js';
import type { PartyMemberCategory, PartyMemberState, TCreatePartyMember } from '../../../contracts/party.js';
import { findPlace } from '../places/index.js';
import { personalColumns } from '../residents/index.js';
import { partyMemberLifecycle as def, toMemberRecord, toPartyMember, type PartyMemberRow } from './member-lifecycle.js';
import { memberPlacement } from './member-placement.js';
import { partyMemberPolicy, partyMemberReadPolicy } from './member-policy.js';

const WRITERS = rolesAllowed(partyMemberPolicy, 'create');

/** Enters a member: placed and linked as memberPlacement checks, by an office at or above that place (else 403). */
export async function createPartyMember(ctx: AppContext, actor: Actor, input: TCreatePartyMember) {
  const db = ctx.handle.db;
  const { columns } = await memberPlacement(db, actor, { ...input, centralHousehold: input.centralHousehold });
  if (!bindingsOver(actor, columns.place_path, WRITERS).length) throw forbidden();
  const now = nowIso();
  const row: PartyMemberRow = {
    id: newId(), name: input.name, category: input.category, org_id: input.orgId, ...columns,
    phone_enc: null, phone_masked: null, phone_index: null, id_number_enc: null, id_number_masked: null,
    ...personalColumns(ctx.cipher, input.phone, input.idNumber),
    state: 'active', left_at: null, version: 1, created_at: now, updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('party_members').values(row).execute();
    await appendEvent(trx, actor, { entityType: 'party_member', entityId: row.id, placeId: row.place_id, action: 'create',
      to: { state: 'active', name: row.name, category: row.category, orgId: row.org_id, unitId: row.unit_id, phone: row.phone_masked, idNumber: row.id_number_masked } }, now);
  });
  return { ...toPartyMember(row), actions: availableActions(def, actor, toMemberRecord(row)) };
}

export interface MemberQuery {
  placeId?: string; orgId?: string; category?: PartyMemberCategory; state?: PartyMemberState; q?: string; centralHousehold?: 'true'; limit: number; offset: number;
}

/** The members the caller sees, in a place's subtree or of one org, with their org's, household's and employer's names. */
export async function listPartyMembers(ctx: AppContext, actor: Actor, f: MemberQuery) {
  const db = ctx.handle.db;
  const place = f.placeId ? await findPlace(db, f.placeId) : undefined;
  if (f.placeId) assertInScope(actor, place?.path, 'place');
  let q = db.selectFrom('party_members').innerJoin('party_orgs as o', 'o.id', 'party_members.org_id')
    .leftJoin('places as h', 'h.id', 'party_members.household_id').leftJoin('places as b', 'b.id', 'h.parent_id')
    .leftJoin('units as u', 'u.id', 'party_members.unit_id')
    .where((eb) => allowedWhere(eb, actor, partyMemberReadPolicy, 'read', 'party_members.place_path'))
    .where('party_members.state', '=', f.state ?? 'active');
  if (place) q = q.where((eb) => inSubtrees(eb, 'party_members.place_path', [place.path]));
  if (f.orgId) q = q.where('party_members.org_id', '=', f.orgId);
  if (f.category) q = q.where('party_members.category', '=', f.category);
  if (f.centralHousehold) q = q.where('party_members.central_household', '=', 1);
  if (f.q) q = q.where('party_members.name', 'like', `%${f.q.replace(/[%_]/g, '')}%`);
  const [rows, total] = await Promise.all([
    q.selectAll('party_members').select(['o.name as org_name', 'h.name as household_name', 'b.name as building_name', 'u.name as unit_name'])
      .orderBy('party_members.place_path').orderBy('party_members.name').orderBy('party_members.id').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const items = rows.map((r) => ({
    ...toPartyMember(r), orgName: r.org_name, unitName: r.unit_name,
    householdName: r.household_name ? `${r.building_name ?? ''}${r.household_name}` : null,
  }));
  return { items, total: Number(total.n) };
}
