import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../core/db.js';
import type { Actor, RoleBinding } from '../../core/access/actor.js';
import { cacheActor, cachedActor, forgetActors } from '../../core/auth/actor-cache.js';
import { findPlaces } from '../places/index.js';

export { forgetActors };

export const SESSION_COOKIE = 'onegrid_session';

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export async function createSession(db: Db, userId: string, ttlMs: number): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
  await db
    .insertInto('sessions')
    .values({ id: hashToken(token), user_id: userId, created_at: now.toISOString(), expires_at: expiresAt })
    .execute();
  return { token, expiresAt };
}

// The actor cache is cleared after each write, so a request in between cannot cache what is about to go.
export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
  forgetActors();
}

export async function deleteUserSessions(db: Db, userId: string, exceptToken?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptToken) q = q.where('id', '!=', hashToken(exceptToken));
  await q.execute();
  forgetActors();
}

/** Resolves a cookie token to the actor with role bindings and their places (from the places module), in three indexed queries. */
export async function loadActor(db: Db, token: string): Promise<Actor | null> {
  const sessionId = hashToken(token);
  const cached = cachedActor(sessionId);
  if (cached) return cached;
  const actor = await readActor(db, sessionId);
  if (actor) cacheActor(sessionId, actor);
  return actor;
}

async function readActor(db: Db, sessionId: string): Promise<Actor | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.username', 'users.display_name', 'users.locale', 'users.unit_id', 'users.disabled', 'sessions.expires_at'])
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst();
  if (!row || row.disabled || row.expires_at < new Date().toISOString()) return null;
  const roles = await db.selectFrom('role_bindings').select(['role', 'place_id']).where('user_id', '=', row.id).execute();
  const places = new Map((await findPlaces(db, roles.map((b) => b.place_id))).map((p) => [p.id, p]));
  // Highest place first, as the bindings were always listed.
  const bindings = roles.filter((b) => places.has(b.place_id)).map((b) => ({ role: b.role, ...places.get(b.place_id)! }))
    .sort((a, b) => a.depth - b.depth);
  return {
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    locale: row.locale,
    unitId: row.unit_id,
    sessionId,
    bindings: bindings.map(
      (b): RoleBinding => ({ role: b.role, placeId: b.id, placePath: b.path, placeName: b.name, placeLevel: b.level }),
    ),
  };
}
