import type { Actor } from '../../../core/access/actor.js';
import { authorize } from '../../../core/access/policy.js';
import type { AppContext } from '../../../core/context.js';
import { notFound, staleVersion } from '../../../core/errors.js';
import { appendEvent, diff } from '../../../core/events.js';
import { nowIso } from '../../../core/ids.js';
import { residentPolicy } from '../policy.js';
import { findResident, toResident } from '../queries.js';
import type { TUpdateResident } from '../schema.js';
import { personalColumns } from './personal-fields.js';

export async function updateResident(ctx: AppContext, actor: Actor, id: string, input: TUpdateResident) {
  const { db } = ctx.handle;
  const before = await findResident(db, id);
  if (!before) throw notFound('resident');
  authorize(actor, residentPolicy, 'update', before.place_path, { id });
  const personal = personalColumns(ctx.cipher, input.phone, input.idNumber);
  const changes = { name: input.name, gender: input.gender, relation: input.relation };
  const { from, to } = diff(before, { ...changes, phone_masked: personal.phone_masked, id_number_masked: personal.id_number_masked });
  return db.transaction().execute(async (trx) => {
    const after = await trx.updateTable('residents')
      .set({ ...changes, ...personal, version: input.version + 1, updated_at: nowIso() })
      .where('id', '=', id).where('version', '=', input.version)
      .returningAll().executeTakeFirst();
    if (!after) throw staleVersion();
    await appendEvent(trx, actor, { entityType: 'resident', entityId: id, placeId: before.place_id, action: 'update', from, to, reason: input.reason });
    return toResident(after);
  });
}
