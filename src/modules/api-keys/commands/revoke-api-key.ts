import type { Actor } from '../../../core/access/actor.js';
import { authorize } from '../../../core/access/policy.js';
import type { AppContext } from '../../../core/context.js';
import { conflict } from '../../../core/errors.js';
import { appendEvent } from '../../../core/events.js';
import { nowIso } from '../../../core/ids.js';
import { apiKeyNotFound, apiKeyPolicy, toApiKey } from '../api-keys.js';
import { apiKeyMsg } from '../messages.js';

/** Revokes a key at once: the next request with it is refused. A revoked key stays listed, for the record. */
export async function revokeApiKey(ctx: AppContext, actor: Actor, id: string, reason: string | undefined) {
  const { db } = ctx.handle;
  const key = await db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
  if (!key) throw apiKeyNotFound();
  authorize(actor, apiKeyPolicy, 'revoke', key.place_path, {}, 'API key');
  const now = nowIso();
  return db.transaction().execute(async (trx) => {
    const done = await trx.updateTable('api_keys').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).returningAll().executeTakeFirst();
    if (!done) throw conflict(null, apiKeyMsg.alreadyRevoked, 'already_revoked');
    await appendEvent(trx, actor, { entityType: 'api_key', entityId: id, placeId: key.place_id, action: 'revoke', from: { revokedAt: null }, to: { revokedAt: now }, reason: reason ?? null }, now);
    return toApiKey(done);
  });
}
