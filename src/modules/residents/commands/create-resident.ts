import type { Actor } from '../../../core/access/actor.js';
import { authorize } from '../../../core/access/policy.js';
import type { AppContext } from '../../../core/context.js';
import { invalid, notFound } from '../../../core/errors.js';
import { appendEvent } from '../../../core/events.js';
import { newId, nowIso } from '../../../core/ids.js';
import { findPlace } from '../../places/index.js';
import { residentPolicy } from '../policy.js';
import { toResident } from '../queries.js';
import type { TCreateResident } from '../schema.js';
import { personalColumns } from './personal-fields.js';
import { residentMsg } from '../messages.js';

export async function createResident(ctx: AppContext, actor: Actor, input: TCreateResident) {
  const { db } = ctx.handle;
  const household = await findPlace(db, input.householdId);
  if (!household) throw notFound('household');
  authorize(actor, residentPolicy, 'create', household.path, { id: '' }, 'household');
  if (household.level !== 'household') throw invalid('householdId', residentMsg.onHousehold, 'wrong_place_level');
  const now = nowIso();
  const row = {
    id: newId(), place_id: household.id, place_path: household.path, name: input.name, gender: input.gender ?? null,
    relation: input.relation, phone_enc: null, phone_masked: null, phone_index: null, id_number_enc: null, id_number_masked: null,
    ...personalColumns(ctx.cipher, input.phone, input.idNumber),
    version: 1, created_at: now, updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('residents').values(row).execute();
    await appendEvent(trx, actor, {
      entityType: 'resident', entityId: row.id, placeId: household.id, action: 'create',
      to: { name: row.name, relation: row.relation, gender: row.gender, phone: row.phone_masked, idNumber: row.id_number_masked },
    });
  });
  return toResident(row);
}
