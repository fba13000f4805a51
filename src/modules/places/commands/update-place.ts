import type { Actor } from '../../../core/access/actor.js';
import { authorize } from '../../../core/access/policy.js';
import type { AppContext } from '../../../core/context.js';
import { invalid, notFound, staleVersion } from '../../../core/errors.js';
import { appendEvent, diff } from '../../../core/events.js';
import { nowIso } from '../../../core/ids.js';
import { mask } from '../../../core/personal-data.js';
import { placePolicy } from '../policy.js';
import { findPlace, toPlace } from '../queries.js';
import type { TPlace, TUpdatePlace } from '../schema.js';
import { placeMsg } from '../messages.js';

export async function updatePlace(ctx: AppContext, actor: Actor, id: string, input: TUpdatePlace): Promise<TPlace> {
  const { db } = ctx.handle;
  const before = await findPlace(db, id);
  if (!before) throw notFound('place');
  authorize(actor, placePolicy, 'update', before.path, { level: before.level });
  if ((input.compoundType !== undefined || input.threeNo !== undefined) && before.level !== 'compound') {
    throw invalid('compoundType', placeMsg.onlyCompoundHasType);
  }
  const changes = {
    name: input.name,
    compound_type: input.compoundType,
    three_no: input.threeNo === undefined ? undefined : input.threeNo ? 1 : 0,
    address_masked: input.address === undefined ? undefined : input.address === null ? null : mask('address', input.address),
  };
  const { from, to } = diff(before, changes);
  const addressChanged = input.address !== undefined;
  // Nothing to change still answers for the version: a caller who loaded an older one must reload (409), not hear all is well.
  if (Object.keys(to).length === 0 && !addressChanged) {
    if (input.version !== before.version) throw staleVersion();
    return toPlace(before);
  }
  const updatedAt = nowIso();
  return db.transaction().execute(async (trx) => {
    const after = await trx
      .updateTable('places')
      .set({
        ...changes,
        ...(addressChanged ? { address_enc: input.address ? ctx.cipher.encrypt(input.address) : null } : {}),
        version: input.version + 1,
        updated_at: updatedAt,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!after) throw staleVersion();
    if (addressChanged && !('address_masked' in to)) {
      from.address_masked = before.address_masked;
      to.address_masked = after.address_masked;
    }
    await appendEvent(trx, actor, { entityType: 'place', entityId: id, placeId: id, action: 'update', from, to, reason: input.reason });
    return toPlace(after);
  });
}
