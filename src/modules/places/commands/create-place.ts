import type { Actor } from '../../../core/access/actor.js';
import { authorize } from '../../../core/access/policy.js';
import type { AppContext } from '../../../core/context.js';
import type { Trx } from '../../../core/db.js';
import { invalid, notFound } from '../../../core/errors.js';
import { appendEvent, appendEvents } from '../../../core/events.js';
import { newId, nowIso } from '../../../core/ids.js';
import { mask } from '../../../core/personal-data.js';
import { placePolicy } from '../policy.js';
import { findPlace, toPlace, type PlaceRow } from '../queries.js';
import type { TCreatePlace, TPlace } from '../schema.js';
import { PLACE_LEVELS, type PlaceLevel } from '../tables.js';
import { placeMsg } from '../messages.js';
import { msg } from '../../../core/i18n.js';

export const parentLevelOf = (level: PlaceLevel): PlaceLevel | undefined => PLACE_LEVELS[PLACE_LEVELS.indexOf(level) - 1];

/** A place typed in below `parent` must sit one level below it; a compound needs its type. */
function checkChild(parent: PlaceRow, input: Pick<TCreatePlace, 'level' | 'compoundType'>): void {
  if (parent.level !== parentLevelOf(input.level)) {
    throw invalid('parentId', msg(placeMsg.wrongParent, { level: placeMsg[input.level], parent: placeMsg[parentLevelOf(input.level)!], actual: parent.level }),
      'wrong_parent_level');
  }
  if (input.level === 'compound' && !input.compoundType) {
    throw invalid('compoundType', placeMsg.compoundTypeRequired, 'required');
  }
}

function newPlaceRow(parent: PlaceRow, input: Omit<TCreatePlace, 'parentId' | 'address'>, now: string, address?: { enc: string; masked: string }): PlaceRow {
  const id = newId();
  return {
    id, parent_id: parent.id, level: input.level, name: input.name, code: null, path: `${parent.path}${id}/`, depth: parent.depth + 1,
    compound_type: input.level === 'compound' ? input.compoundType! : null, three_no: input.level === 'compound' && input.threeNo ? 1 : 0,
    address_enc: address?.enc ?? null, address_masked: address?.masked ?? null, sort_order: 0, version: 1, created_at: now, updated_at: now,
  };
}

/**
 * A building or household planned under `parent` but not written yet: an import refers to it (and to what it holds) by
 * id before its transaction, then writes every planned place with createPlannedPlaces.
 */
export function planChildPlace(parent: PlaceRow, input: { level: 'building' | 'household'; name: string }, now = nowIso()): PlaceRow {
  checkChild(parent, input);
  return newPlaceRow(parent, input, now);
}

/**
 * Writes planned places in the caller's transaction, in batches, each with its `create` event: createPlace for many
 * at once. The caller must be allowed to create each under its parent, as with createPlace.
 */
export async function createPlannedPlaces(trx: Trx, actor: Actor, rows: readonly PlaceRow[], reason: string, now = nowIso()): Promise<void> {
  for (const r of rows) authorize(actor, placePolicy, 'create', r.path.slice(0, r.path.length - r.id.length - 1), { level: r.level }, 'parent place');
  // 200 rows a statement: short statements, between which a long import lets the event loop turn.
  for (let i = 0; i < rows.length; i += 200) await trx.insertInto('places').values(rows.slice(i, i + 200)).execute();
  await appendEvents(trx, actor, rows.map((r) => ({
    entityType: 'place', entityId: r.id, placeId: r.id, action: 'create', to: { name: r.name, level: r.level, parentId: r.parent_id }, reason,
  })), now);
}

export async function createPlace(ctx: AppContext, actor: Actor, input: TCreatePlace): Promise<TPlace> {
  const { db } = ctx.handle;
  const parent = await findPlace(db, input.parentId);
  if (!parent) throw notFound('parent place');
  authorize(actor, placePolicy, 'create', parent.path, { level: input.level }, 'parent place');
  checkChild(parent, input);
  const address = input.address ? { enc: ctx.cipher.encrypt(input.address), masked: mask('address', input.address) } : undefined;
  const row = newPlaceRow(parent, input, nowIso(), address);
  const id = row.id;
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('places').values(row).execute();
    await appendEvent(trx, actor, {
      entityType: 'place',
      entityId: id,
      placeId: id,
      action: 'create',
      to: { name: row.name, level: row.level, parentId: parent.id, compoundType: row.compound_type, threeNo: Boolean(row.three_no), address: row.address_masked },
    });
  });
  return toPlace(row);
}

export const levelZh = (level: PlaceLevel) => placeMsg[level].zh;
