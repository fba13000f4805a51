import type { Generated } from 'kysely';
import type { DbOrTrx } from './db.js';
import { nowIso } from './ids.js';
import { readModels } from './registry.js';

export interface EventTable {
  id: Generated<number>;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  entity_type: string;
  entity_id: string;
  action: string;
  from_state: string | null;
  to_state: string | null;
  reason: string | null;
  place_id: string;
}

export interface EventsTables {
  events: EventTable;
}

export interface EventActor {
  userId: string | null;
  displayName: string;
}

export interface NewEvent {
  entityType: string;
  entityId: string;
  action: string;
  placeId: string;
  from?: unknown;
  to?: unknown;
  reason?: string | null;
  /** When it happened, if not now (imported history). */
  at?: string;
}

export const SYSTEM_ACTOR: EventActor = { userId: null, displayName: 'system' };

/** A read model derived from the log, refreshed for the entities that one kind of event touched. */
export interface EventProjection {
  entityType: string;
  action: string;
  refresh(db: DbOrTrx, entityIds: string[]): Promise<void>;
}

/**
 * Appends to the event log; call it inside the transaction that makes the change. The table refuses UPDATE and DELETE.
 * The installed modules' read models are refreshed for the appended events, in the same transaction.
 */
export async function appendEvent(db: DbOrTrx, actor: EventActor, event: NewEvent, at = nowIso()): Promise<void> {
  await appendEvents(db, actor, [event], at);
}

export async function appendEvents(db: DbOrTrx, actor: EventActor, events: NewEvent[], at = nowIso()): Promise<void> {
  if (events.length === 0) return;
  // Parameters per row: 10, far under SQLite's 32766 bound; 500 rows keep each statement short (the event loop turns
  // between statements, see core/event-loop.ts).
  for (let i = 0; i < events.length; i += 500) {
    const chunk = events.slice(i, i + 500);
    await db
      .insertInto('events')
      .values(
        chunk.map((e) => ({
          at: e.at ?? at,
          actor_id: actor.userId,
          actor_name: actor.displayName,
          entity_type: e.entityType,
          entity_id: e.entityId,
          action: e.action,
          from_state: e.from === undefined ? null : JSON.stringify(e.from),
          to_state: e.to === undefined ? null : JSON.stringify(e.to),
          reason: e.reason ?? null,
          place_id: e.placeId,
        })),
      )
      .execute();
    for (const p of readModels()) {
      const ids = new Set(chunk.filter((e) => e.entityType === p.entityType && e.action === p.action).map((e) => e.entityId));
      if (ids.size) await p.refresh(db, [...ids]);
    }
  }
}

/** Only the fields that changed, as a from/to pair for the event. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>): { from: Partial<T>; to: Partial<T> } {
  const from: Partial<T> = {};
  const to: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (after[key] !== undefined && after[key] !== before[key]) {
      from[key] = before[key];
      to[key] = after[key];
    }
  }
  return { from, to };
}
