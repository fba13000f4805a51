import { createHash, randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import { allow, definePolicy } from '../../core/access/policy.js';
import type { DbOrTrx } from '../../core/db.js';
import { notFound } from '../../core/errors.js';
import type { EventActor } from '../../core/events.js';
import type { ApiKeyTable } from './tables.js';

export type ApiKeyRow = Selectable<ApiKeyTable>;

/** Offices issue keys to the systems that file demands for them: the 12345 platform, an Open311 client. */
export const apiKeyPolicy = definePolicy<Record<string, never>>('api_key', [...allow(['district_admin', 'street_staff'], ['issue', 'list', 'revoke'])]);

/** 32 random bytes; only its sha256 is stored, so a lost key is revoked and a new one issued. */
export const newApiKey = () => `og_${randomBytes(32).toString('base64url')}`;
export const hashApiKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

export async function authenticateApiKey(db: DbOrTrx, key: string | undefined | null): Promise<ApiKeyRow | undefined> {
  if (!key || key.length > 200) return undefined;
  return db.selectFrom('api_keys').selectAll().where('key_hash', '=', hashApiKey(key)).where('revoked_at', 'is', null).executeTakeFirst();
}

/** Who the event log names when a system files through a key. */
export const apiKeyActor = (key: ApiKeyRow): EventActor => ({ userId: null, displayName: `API key: ${key.name}` });

export const toApiKey = (k: ApiKeyRow & { place_name?: string | null }) => ({
  id: k.id, name: k.name, placeId: k.place_id, placeName: k.place_name ?? null, createdBy: k.created_by, createdAt: k.created_at, revokedAt: k.revoked_at,
});

export const apiKeyNotFound = () => notFound('API key');
