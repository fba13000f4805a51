import type { Actor } from '../../../core/access/actor.js';
import { authorize } from '../../../core/access/policy.js';
import type { AppContext } from '../../../core/context.js';
import { invalid, notFound } from '../../../core/errors.js';
import { appendEvent } from '../../../core/events.js';
import { newId, nowIso } from '../../../core/ids.js';
import { mask } from '../../../core/personal-data.js';
import { placePolicy } from '../policy.js';
import { findPlace, toPlace } from '../queries.js';
import type { TCreatePlace, TPlace } from '../schema.js';
import { PLACE_LEVELS, type PlaceLevel } from '../tables.js';

export const parentLevelOf = (level: PlaceLevel): PlaceLevel | undefined => PLACE_LEVELS[PLACE_LEVELS.indexOf(level) - 1];

export async function createPlace(ctx: AppContext, actor: Actor, input: TCreatePlace): Promise<TPlace> {
  const { db } = ctx.handle;
  const parent = await findPlace(db, input.parentId);
  if (!parent) throw notFound('parent place');
  authorize(actor, placePolicy, 'create', parent.path, { level: input.level }, 'parent place');
  if (parent.level !== parentLevelOf(input.level)) {
    throw invalid('parentId', `${levelZh[input.level]}只能建在${levelZh[parentLevelOf(input.level)!]}之下`,
      `A ${input.level} belongs under a ${parentLevelOf(input.level)}, not a ${parent.level}`, 'wrong_parent_level');
  }
  if (input.level === 'compound' && !input.compoundType) {
    throw invalid('compoundType', '请选择小区类型', 'Choose the compound type', 'required');
  }
  const id = newId();
  const now = nowIso();
  const row = {
    id,
    parent_id: parent.id,
    level: input.level,
    name: input.name,
    code: null,
    path: `${parent.path}${id}/`,
    depth: parent.depth + 1,
    compound_type: input.level === 'compound' ? input.compoundType! : null,
    three_no: input.level === 'compound' && input.threeNo ? 1 : 0,
    address_enc: input.address ? ctx.cipher.encrypt(input.address) : null,
    address_masked: input.address ? mask('address', input.address) : null,
    sort_order: 0,
    version: 1,
    created_at: now,
    updated_at: now,
  };
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

export const levelZh: Record<PlaceLevel, string> = {
  district: '区', street: '街道', community: '社区', grid: '网格', compound: '小区', building: '楼栋', household: '户',
};
