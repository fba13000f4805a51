import type { Actor } from '../../core/access/actor.js';
import { allowedWhere, bindingsAllowed, rolesAllowed } from '../../core/access/policy.js';
import { assertInScope, bindingsOver, inSubtrees, rootsWithin, selfAndAncestorPaths } from '../../core/access/scope.js';
import type { AppContext } from '../../core/context.js';
import { isUniqueViolation, type DbOrTrx } from '../../core/db.js';
import { conflict, forbidden, invalid } from '../../core/errors.js';
import { appendEvent } from '../../core/events.js';
import { msg } from '../../core/i18n.js';
import { newId, nowIso } from '../../core/ids.js';
import { availableActions } from '../../core/lifecycle/engine.js';
import {
  PARTY_ORG_KIND_LABELS, PARTY_ORG_PARENT_KINDS, PARTY_ORG_PLACE_LEVELS, type PartyOrgKind, type PartyOrgState, type TCreatePartyOrg,
} from '../../../contracts/party.js';
import { findPlace, type PlaceRow } from '../places/index.js';
import { findVisibleUnit } from '../units/index.js';
import { checkCommittee } from './committee.js';
import { partyOrgLifecycle as def, toPartyOrg, toRecord, type PartyOrgRow } from './lifecycle.js';
import { partyMsg } from './messages.js';
import { partyOrgPolicy, partyOrgReadPolicy } from './policy.js';

const LEVEL_NAMES: Record<string, { zh: string; en: string }> = {
  street: partyMsg.levelStreet, community: partyMsg.levelCommunity, compound: partyMsg.levelCompound, building: partyMsg.levelBuilding,
};

/** The place an org of `kind` is bound to: in the caller's subtree (else 404), at the kind's level (else 422). */
async function orgPlace(db: DbOrTrx, actor: Actor, kind: PartyOrgKind, placeId: string): Promise<PlaceRow> {
  const place = await findPlace(db, placeId);
  assertInScope(actor, place?.path, 'place');
  const levels = PARTY_ORG_PLACE_LEVELS[kind];
  if (!(levels as readonly string[]).includes(place!.level)) {
    const names = { zh: levels.map((l) => LEVEL_NAMES[l]!.zh).join(partyMsg.levelOr.zh), en: levels.map((l) => LEVEL_NAMES[l]!.en).join(partyMsg.levelOr.en) };
    throw invalid('placeId', msg(partyMsg.placeLevel, { kind: PARTY_ORG_KIND_LABELS[kind], levels: names }), 'place_level');
  }
  return place!;
}

/** A partner unit's own org names a partner unit the caller sees; no other kind names one. */
async function orgUnit(db: DbOrTrx, actor: Actor, input: TCreatePartyOrg): Promise<string | null> {
  if (input.kind !== 'partner_unit_org') {
    if (input.unitId) throw invalid('unitId', partyMsg.unitOnlyForPartner);
    return null;
  }
  if (!input.unitId) throw invalid('unitId', partyMsg.unitRequired, 'required');
  const unit = await findVisibleUnit(db, actor, input.unitId);
  if (!unit || unit.kind !== 'partner_unit') throw invalid('unitId', partyMsg.unitNotPartner);
  return unit.id;
}

const WRITERS = rolesAllowed(partyOrgPolicy, 'create');

/** Sets up an org: an office at or above its place (else 403), one active org of the kind per place and unit (else 409). */
export async function createPartyOrg(ctx: AppContext, actor: Actor, input: TCreatePartyOrg) {
  const db = ctx.handle.db;
  const place = await orgPlace(db, actor, input.kind, input.placeId);
  if (!bindingsOver(actor, place.path, WRITERS).length) throw forbidden();
  const unitId = await orgUnit(db, actor, input);
  await checkCommittee(db, actor, input.committee);
  const now = nowIso();
  const row: PartyOrgRow = { id: newId(), kind: input.kind, name: input.name, place_id: place.id, place_path: place.path, unit_id: unitId,
    unit_key: unitId ?? '', committee: JSON.stringify(input.committee), state: 'active', dissolved_at: null, version: 1, created_at: now, updated_at: now };
  const taken = () => conflict('kind', msg(partyMsg.orgExists, { kind: PARTY_ORG_KIND_LABELS[input.kind] }), 'duplicate');
  try {
    await db.transaction().execute(async (trx) => {
      const twin = await trx.selectFrom('party_orgs').select('id').where('place_id', '=', place.id).where('kind', '=', input.kind)
        .where('unit_key', '=', row.unit_key).where('state', '=', 'active').executeTakeFirst();
      if (twin) throw taken();
      await trx.insertInto('party_orgs').values(row).execute();
      await appendEvent(trx, actor, { entityType: 'party_org', entityId: row.id, placeId: place.id, action: 'create',
        to: { state: 'active', kind: input.kind, name: input.name, unitId } }, now);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw taken();
    throw e;
  }
  return { ...toPartyOrg(row), actions: availableActions(def, actor, toRecord(row)) };
}

/** Its parent: the org of a parent kind on the nearest place above (or, for a partner unit's org, on its own place). */
function parentOf(org: { kind: PartyOrgKind; placePath: string }, byPlace: Map<string, { id: string; kind: PartyOrgKind }[]>): string | null {
  const paths = selfAndAncestorPaths(org.placePath).reverse();
  const candidates = org.kind === 'partner_unit_org' ? paths : paths.slice(1);
  for (const path of candidates) {
    for (const kind of PARTY_ORG_PARENT_KINDS[org.kind]) {
      const parent = byPlace.get(path)?.find((o) => o.kind === kind);
      if (parent) return parent.id;
    }
  }
  return null;
}

/**
 * The org tree the caller sees: the orgs in their subtree and above it (within `placeId`'s subtree and above it when
 * given), each with its place, its parent in the tree (null at a root) and its unit's name.
 */
export async function listPartyOrgs(ctx: AppContext, actor: Actor, q: { placeId?: string; state?: PartyOrgState; limit: number; offset: number }) {
  const db = ctx.handle.db;
  const place = q.placeId ? await findPlace(db, q.placeId) : undefined;
  if (q.placeId) assertInScope(actor, place?.path, 'place');
  let query = db.selectFrom('party_orgs').innerJoin('places', 'places.id', 'party_orgs.place_id').leftJoin('units', 'units.id', 'party_orgs.unit_id')
    .where((eb) => allowedWhere(eb, actor, partyOrgReadPolicy, 'read', 'party_orgs.place_path'))
    .where('party_orgs.state', '=', q.state ?? 'active');
  if (place) query = query.where((eb) => eb.or([inSubtrees(eb, 'party_orgs.place_path', [place.path]), eb('party_orgs.place_path', 'in', selfAndAncestorPaths(place.path))]));
  const [rows, total] = await Promise.all([
    query.selectAll('party_orgs').select(['places.name as place_name', 'places.level as place_level', 'units.name as unit_name'])
      .orderBy('party_orgs.place_path').orderBy('party_orgs.kind').orderBy('party_orgs.id').limit(q.limit).offset(q.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const byPlace = new Map<string, { id: string; kind: PartyOrgKind }[]>();
  for (const r of rows) byPlace.set(r.place_path, [...(byPlace.get(r.place_path) ?? []), { id: r.id, kind: r.kind }]);
  const items = rows.map((r) => ({
    ...toPartyOrg(r), placeName: r.place_name, placeLevel: r.place_level, unitName: r.unit_name,
    parentId: parentOf({ kind: r.kind, placePath: r.place_path }, byPlace),
  }));
  return { items, total: Number(total.n) };
}

/**
 * The gaps of the tree in a subtree the caller sees: compounds without an active branch, buildings without an active
 * group (each with its compound's name), paged together by path.
 */
export async function partyOrgGaps(ctx: AppContext, actor: Actor, q: { placeId: string; limit: number; offset: number }) {
  const db = ctx.handle.db;
  const place = await findPlace(db, q.placeId);
  assertInScope(actor, place?.path, 'place');
  const roots = rootsWithin(bindingsAllowed(actor, partyOrgPolicy, 'gaps').map((b) => b.placePath), place!.path);
  if (!roots.length) throw forbidden();
  const gaps = (level: 'compound' | 'building', kind: PartyOrgKind) => {
    const base = db.selectFrom('places as p').leftJoin('places as parent', 'parent.id', 'p.parent_id')
      .where('p.level', '=', level).where((eb) => inSubtrees(eb, 'p.path', roots))
      .where((eb) => eb.not(eb.exists(eb.selectFrom('party_orgs as o').select('o.id')
        .whereRef('o.place_id', '=', 'p.id').where('o.kind', '=', kind).where('o.state', '=', 'active'))));
    return Promise.all([
      base.select(['p.id', 'p.name', 'parent.name as parent_name']).orderBy('p.path').limit(q.limit).offset(q.offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]).then(([rows, n]) => ({ items: rows.map((r) => ({ id: r.id, name: r.name, parentName: r.parent_name })), total: Number(n.n) }));
  };
  const [compounds, buildings] = await Promise.all([gaps('compound', 'compound_branch'), gaps('building', 'building_group')]);
  return { compoundsWithoutBranch: compounds, buildingsWithoutGroup: buildings };
}
