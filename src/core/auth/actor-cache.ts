import type { Actor } from '../access/actor.js';

/**
 * Resolved sessions are kept for 5 s: the household detail and every other request would otherwise pay two queries.
 * Any sign-out, disable, password, role or place change clears the cache of this process; other processes notice within 5 s.
 */
const ACTOR_TTL_MS = 5000;
const actors = new Map<string, { actor: Actor; until: number }>();

export function forgetActors(): void {
  actors.clear();
}

export function cachedActor(sessionId: string): Actor | undefined {
  const hit = actors.get(sessionId);
  return hit && hit.until > Date.now() ? hit.actor : undefined;
}

export function cacheActor(sessionId: string, actor: Actor): void {
  if (actors.size >= 10000) actors.clear();
  actors.set(sessionId, { actor, until: Date.now() + ACTOR_TTL_MS });
}
