import type { Seed } from '../../core/module.js';
import type { AppContext } from '../../core/context.js';
import { appendEvent, SYSTEM_ACTOR } from '../../core/events.js';
import { newId, nowIso } from '../../core/ids.js';
import { hashApiKey } from './api-keys.js';

/** The demo's API key, named in the README: for the 12345 push (X-Api-Key) and Open311 (api_key). Revoke it before real use. */
export const DEMO_API_KEY = 'demo-open311-key';

/** Issues the demo key to a street. */
export async function seedDemoApiKey(ctx: AppContext, street: { id: string; path: string }): Promise<void> {
  const row = { id: newId(), key_hash: hashApiKey(DEMO_API_KEY), name: '演示接口密钥 (12345 / Open311)', place_id: street.id, place_path: street.path, created_by: null, revoked_at: null, created_at: nowIso() };
  await ctx.handle.db.transaction().execute(async (trx) => {
    await trx.insertInto('api_keys').values(row).execute();
    await appendEvent(trx, SYSTEM_ACTOR, { entityType: 'api_key', entityId: row.id, placeId: street.id, action: 'issue', to: { name: row.name, placeId: street.id }, reason: 'demo data' });
  });
}

/** The demo key, issued to the demo street. */
export const apiKeySeed: Seed = { run: (ctx, { places }) => seedDemoApiKey(ctx, places.street) };
