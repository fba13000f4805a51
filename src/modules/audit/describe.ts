import { type AliasableExpression, type ExpressionBuilder, type Selectable, sql } from 'kysely';
import type { DbOrTrx } from '../../core/db.js';
import type { EventTable } from '../../core/events.js';
import type { Message } from '../../core/errors.js';
import { maskPersonalText } from '../../core/personal-data.js';
import { lifecycleLabels } from '../../core/lifecycle/abilities.js';
import { installedModules, recordNames } from '../../core/registry.js';
import type { Database } from '../../core/schema.js';
import { userNames } from '../accounts/index.js';

/**
 * What turns an event into a sentence: the actor's name and role, the record's name (a work order's tracking number, a
 * place's name) and the names of the records its fields point to (an assignee, called-in units), so that no id reaches
 * a page. Names are selected beside the events (no statement of their own); the pointed-to records take one more.
 */
export function nameColumns(db: DbOrTrx) {
  return (eb: ExpressionBuilder<Database, 'events'>) => {
    const named = recordNames();
    // case events.entity_type when 'work_order' then (select tracking_no …) when 'place' then (select name …) … end
    const record: AliasableExpression<string | null> = named.length
      ? named.reduce((c: any, r) => c.when('events.entity_type', '=', r.entityType)
        .then(eb.selectFrom(r.names(db).as('r')).select('r.name').whereRef('r.id', '=', 'events.entity_id')), eb.case()).else(null).end()
      : sql<string | null>`null`;
    return [
      eb.selectFrom(userNames(db).as('a')).select('a.role').whereRef('a.id', '=', 'events.actor_id').as('actor_role'),
      record.as('record_name'),
    ];
  };
}

/** Field names whose values are ids of another record, and which kind of record. */
const POINTERS: Record<string, string> = {
  units: 'unit', unitIds: 'unit', unitId: 'unit', intoId: 'work_order', mergedInto: 'work_order', categoryId: 'category', placeId: 'place', parentId: 'place', officeId: 'place',
  userId: 'user', requestId: 'extension_request',
};

function pointers(value: unknown, into: Map<string, Set<string>>) {
  if (!value || typeof value !== 'object') return;
  const add = (type: string, id: unknown) => typeof id === 'string' && (into.get(type) ?? into.set(type, new Set()).get(type)!).add(id);
  for (const [k, v] of Object.entries(value)) {
    if (k === 'assignee' && v && typeof v === 'object') add((v as { kind: string }).kind, (v as { id: string }).id);
    else if (POINTERS[k]) (Array.isArray(v) ? v : [v]).forEach((id) => add(POINTERS[k]!, id));
  }
}

export interface Ref { type: string; name: string; role: string | null }

/** The names of what the events' fields point to, by id: one statement whatever the page holds. */
export async function eventRefs(db: DbOrTrx, events: readonly { from: unknown; to: unknown }[]): Promise<Record<string, Ref>> {
  const wanted = new Map<string, Set<string>>();
  for (const e of events) { pointers(e.from, wanted); pointers(e.to, wanted); }
  const ids = (type: string) => [...(wanted.get(type) ?? [])];
  // Users always, so that a page costs the same statements whatever it shows.
  let q = db.selectFrom(userNames(db).as('n')).select(['n.id', 'n.name', 'n.role', sql.lit('user').as('type')]).where('n.id', 'in', [...ids('user'), '']);
  for (const r of recordNames()) {
    if (r.entityType === 'user' || !ids(r.entityType).length) continue;
    q = q.unionAll(db.selectFrom(r.names(db).as('n')).select(['n.id', 'n.name', sql<string | null>`null`.as('role'), sql.lit(r.entityType).as('type')])
      .where('n.id', 'in', ids(r.entityType)) as any);
  }
  const rows = await q.execute();
  return Object.fromEntries(rows.map((r) => [`${r.type}:${r.id}`, { type: r.type, name: r.name, role: r.role ?? null }]));
}

type TableLabels = { event: Message; states: Record<string, Message> };

/** Each state table's labels of its events and states, by entity type and event (the engine lists them). */
function tableLabels(): Map<string, TableLabels[]> {
  const out = new Map<string, TableLabels[]>();
  for (const def of installedModules().flatMap((m) => m.lifecycles ?? [])) {
    const { events, states } = lifecycleLabels(def);
    for (const [event, label] of Object.entries(events)) {
      const key = `${def.entityType}:${event}`;
      out.set(key, [...(out.get(key) ?? []), { event: label, states }]);
    }
  }
  return out;
}
let labels: ReturnType<typeof tableLabels> | undefined;

/**
 * What the state table calls the event and the states it went from and to; null for events outside any table. Two tables
 * of one record may name the same event (the order's supervise step, the overdue scan's): the one whose states hold it.
 */
function stateTableLabels(entityType: string, action: string, from: unknown, to: unknown) {
  const stateOf = (v: unknown) => {
    const s = (v as { state?: unknown } | null)?.state;
    return typeof s === 'string' ? s : undefined;
  };
  const [f, t] = [stateOf(from), stateOf(to)];
  const candidates = (labels ??= tableLabels()).get(`${entityType}:${action}`) ?? [];
  const found = candidates.find((c) => (f === undefined || f in c.states) && (t === undefined || t in c.states)) ?? candidates[0];
  if (!found) return { label: null, fromState: null, toState: null };
  return { label: found.event, fromState: (f && found.states[f]) || null, toState: (t && found.states[t]) || null };
}

/** Values that are numbers of records, never someone's phone or ID number (a 12345 order number may be all digits). */
const NOT_TYPED = new Set(['trackingNo', 'externalNo', 'code', 'clientUpdateId']);

/** Every string of an event's fields with the phone and ID numbers someone typed into it masked (a note, a result, a comment). */
function maskTyped(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return NOT_TYPED.has(key) ? value : maskPersonalText(value);
  if (Array.isArray(value)) return value.map((v) => maskTyped(v, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskTyped(v, k)]));
  return value;
}

/** An event's free text as it was written: its reason and fields, which the timeline and the audit log show masked. */
function typedTexts(e: Pick<Selectable<EventTable>, 'from_state' | 'to_state' | 'reason'>) {
  return { reason: e.reason, from: e.from_state ? JSON.parse(e.from_state) : null, to: e.to_state ? JSON.parse(e.to_state) : null };
}

/**
 * An event as the timeline and the audit log show it. Phone and ID numbers typed into its reason or fields are masked
 * (`masked` says so); the record's module may reveal them, audited (a work order's `reveal` with `field: eventText`).
 */
export function toEvent(e: Selectable<EventTable> & { actor_role?: string | null; record_name?: string | null }) {
  const typed = typedTexts(e);
  const [from, to, reason] = [maskTyped(typed.from), maskTyped(typed.to), e.reason === null ? null : maskPersonalText(e.reason)];
  const masked = reason !== e.reason || JSON.stringify(from) !== JSON.stringify(typed.from) || JSON.stringify(to) !== JSON.stringify(typed.to);
  return {
    ...stateTableLabels(e.entity_type, e.action, from, to),
    id: Number(e.id), at: e.at, actorId: e.actor_id, actorName: e.actor_name, actorRole: e.actor_role ?? null, system: e.actor_id === null,
    entityType: e.entity_type, entityId: e.entity_id, recordName: e.record_name ?? null,
    action: e.action, from: from as Record<string, unknown> | null, to: to as Record<string, unknown> | null,
    reason, masked, placeId: e.place_id,
  };
}

/** The ids of the records of any kind called `name` (a tracking number, a place's name), as a subquery. */
export function recordsNamed(db: DbOrTrx, name: string) {
  const [first, ...rest] = recordNames().map((r) => db.selectFrom(r.names(db).as('n')).select('n.id').where('n.name', '=', name));
  if (!first) return db.selectFrom(userNames(db).as('n')).select('n.id').where(sql<boolean>`1 = 0`);
  return rest.reduce((q, r) => q.unionAll(r as any), first);
}
