import type { Actor } from '../../core/access/actor.js';
import { authorize } from '../../core/access/policy.js';
import { selfAndAncestorPaths } from '../../core/access/scope.js';
import type { AppContext } from '../../core/context.js';
import { isUniqueViolation, type DbOrTrx } from '../../core/db.js';
import { invalid, notFound, staleVersion } from '../../core/errors.js';
import { appendEvent } from '../../core/events.js';
import { newId, nowIso } from '../../core/ids.js';
import { POINTS_ITEM_KIND_LABELS, type TPointsRules } from '../../../contracts/party-points.js';
import { findPlace } from '../places/index.js';
import { partyMsg } from './messages.js';
import { partyPointsPolicy } from './points-policy.js';
import type { PointsItem } from './points-tables.js';

export interface CommunityRules { placeId: string; placePath: string; items: PointsItem[]; version: number; updatedAt: string | null }

/** The community a path lies in (the ancestor of level community), or undefined above one. */
export async function communityOf(db: DbOrTrx, path: string) {
  return db.selectFrom('places').select(['id', 'path', 'name']).where('path', 'in', selfAndAncestorPaths(path)).where('level', '=', 'community').executeTakeFirst();
}

/** A community's rules; none set yet is an empty list at version 0. */
export async function readRules(db: DbOrTrx, community: { id: string; path: string }): Promise<CommunityRules> {
  const row = await db.selectFrom('party_points_rules').selectAll().where('place_id', '=', community.id).executeTakeFirst();
  return row
    ? { placeId: row.place_id, placePath: row.place_path, items: JSON.parse(row.items) as PointsItem[], version: row.version, updatedAt: row.updated_at }
    : { placeId: community.id, placePath: community.path, items: [], version: 0, updatedAt: null };
}

/** The community place the caller names, in their subtree (else 404), of level community (else 422). */
export async function visibleCommunity(ctx: AppContext, actor: Actor, placeId: string, action: 'read' | 'rules' | 'record') {
  const place = await findPlace(ctx.handle.db, placeId);
  if (!place) throw notFound('place');
  authorize(actor, partyPointsPolicy, action, place.path, {}, 'place');
  if (place.level !== 'community') throw invalid('placeId', partyMsg.pointsCommunityOnly, 'place_level');
  return place;
}

/**
 * Replaces a community's rules: the version the caller saw (0 for none yet; else 409), the items' ids kept where they
 * match a stored item, new ones given one. Entries already written keep their points: they stored them.
 */
export async function setRules(ctx: AppContext, actor: Actor, input: TPointsRules): Promise<CommunityRules> {
  const place = await visibleCommunity(ctx, actor, input.placeId, 'rules');
  const db = ctx.handle.db;
  const now = nowIso();
  return db.transaction().execute(async (trx) => {
    // Two first saves at once: the second one's insert meets the first one's key (409 below).
    const before = await readRules(trx, place);
    if (before.version !== input.version) throw staleVersion();
    const known = new Set(before.items.map((i) => i.id));
    const items: PointsItem[] = input.items.map((i) => ({
      id: i.id && known.has(i.id) ? i.id : newId(), kind: i.kind, name: i.kind === 'other' ? i.name! : (i.name || POINTS_ITEM_KIND_LABELS[i.kind].zh),
      points: i.points, cap: i.cap ?? null, capPeriod: i.cap ? i.capPeriod! : null,
    }));
    const json = JSON.stringify(items);
    if (before.version === 0) {
      await trx.insertInto('party_points_rules').values({ place_id: place.id, place_path: place.path, items: json, version: 1, created_at: now, updated_at: now }).execute();
    } else {
      const r = await trx.updateTable('party_points_rules').set({ items: json, version: before.version + 1, updated_at: now })
        .where('place_id', '=', place.id).where('version', '=', before.version).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw staleVersion();
    }
    await appendEvent(trx, actor, { entityType: 'place', entityId: place.id, placeId: place.id, action: 'set_points_rules',
      from: { items: before.items }, to: { items } }, now);
    return { placeId: place.id, placePath: place.path, items, version: before.version + 1, updatedAt: now };
  }).catch((e) => {
    throw isUniqueViolation(e) ? staleVersion() : e;
  });
}

export const rulesView = (r: CommunityRules) => ({ placeId: r.placeId, items: r.items, version: r.version, updatedAt: r.updatedAt });
