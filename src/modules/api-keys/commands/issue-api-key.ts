import type { Actor } from '../../../core/access/actor.js';
import { authorize, bindingsAllowed } from '../../../core/access/policy.js';
import type { AppContext } from '../../../core/context.js';
import { invalid, notFound } from '../../../core/errors.js';
import { appendEvent } from '../../../core/events.js';
import { newId, nowIso } from '../../../core/ids.js';
import { findPlace } from '../../places/index.js';
import { apiKeyPolicy, hashApiKey, newApiKey, toApiKey, type ApiKeyRow } from '../api-keys.js';
import { apiKeyMsg } from '../messages.js';

/** A key binds to an office: what it files must lie in that place's subtree. */
const KEY_LEVELS = ['district', 'street', 'community'];

/** Issues a key for a place in the caller's area (default: the caller's own office); the key is returned once, never stored. */
export async function issueApiKey(ctx: AppContext, actor: Actor, input: { name: string; placeId?: string }) {
  const { db } = ctx.handle;
  let placeId = input.placeId;
  if (!placeId) placeId = bindingsAllowed(actor, apiKeyPolicy, 'issue')[0]!.placeId;
  const place = await findPlace(db, placeId);
  if (!place) throw notFound('place');
  authorize(actor, apiKeyPolicy, 'issue', place.path, {}, 'place');
  if (!KEY_LEVELS.includes(place.level)) {
    throw invalid('placeId', apiKeyMsg.wrongPlaceLevel, 'wrong_place_level');
  }
  const key = newApiKey();
  const row: ApiKeyRow = {
    id: newId(), key_hash: hashApiKey(key), name: input.name, place_id: place.id, place_path: place.path, created_by: actor.userId, revoked_at: null, created_at: nowIso(),
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('api_keys').values(row).execute();
    await appendEvent(trx, actor, { entityType: 'api_key', entityId: row.id, placeId: place.id, action: 'issue', to: { name: row.name, placeId: place.id } });
  });
  return { ...toApiKey({ ...row, place_name: place.name }), key };
}
