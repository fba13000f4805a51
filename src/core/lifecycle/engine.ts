import type { Actor } from '../access/actor.js';
import type { Role } from '../access/roles.js';
import { bindingsOver } from '../access/scope.js';
import type { AppContext } from '../context.js';
import { conflict, forbidden, notFound, staleVersion } from '../errors.js';
import type { Trx } from '../db.js';
import { appendEvent, type EventActor } from '../events.js';
import { nowIso } from '../ids.js';
import { type Caller, isStaffCaller, type LifecycleDef, type LifecycleRecord, type StepDef, type StepResult } from './types.js';
import { msg } from '../i18n.js';
import { core } from '../messages.js';

type AnyDef = LifecycleDef<any, string, string, string>;
type AnyStep = StepDef<any, string, string>;

/** Does one entry of `who` (a role over the record's place, or a relation) hold for this caller? */
export function whoHolds(def: AnyDef, who: string, caller: Caller, record: LifecycleRecord): boolean {
  const relation = def.relations[who];
  if (relation) return relation.holds(caller, record);
  return isStaffCaller(caller) && bindingsOver(caller, record.placePath, [who as Role]).length > 0;
}

export const mayTake = (def: AnyDef, step: AnyStep, caller: Caller, record: LifecycleRecord) =>
  step.who.some((w) => whoHolds(def, w, caller, record));

const guardHolds = (def: AnyDef, step: AnyStep, caller: Caller, record: LifecycleRecord) =>
  !step.guard || def.guards![step.guard]!.holds(caller, record);

/** The steps this caller may take on this record now: the buttons the UI shows. */
export function availableActions<A extends string>(def: LifecycleDef<any, A, string, string>, caller: Caller, record: LifecycleRecord): A[] {
  return (Object.entries(def.steps) as [A, AnyStep][])
    .filter(([, s]) => s.from.includes(record.state) && mayTake(def, s, caller, record) && guardHolds(def, s, caller, record))
    .map(([a]) => a);
}

/**
 * Checks in order: seen (404), version (409: someone changed it since the caller loaded it, so the loser of a race is
 * told to reload, not that the step is no longer theirs), who (403), state (409), guard (409). Throws the first that fails.
 */
export function checkStep(def: AnyDef, action: string, caller: Caller, record: LifecycleRecord | undefined, version: number): asserts record {
  if (!record || !def.visible(caller, record)) throw notFound(def.entityType.replace(/_/g, ' '));
  if (version !== record.version) throw staleVersion();
  const step = def.steps[action]!;
  if (!mayTake(def, step, caller, record)) throw forbidden();
  if (!step.from.includes(record.state)) {
    const label = def.labels.states[record.state];
    throw conflict('state', msg(core.illegalTransition, { state: label ?? record.state, action }), 'illegal_transition');
  }
  if (step.guard && !def.guards![step.guard]!.holds(caller, record)) throw def.guards![step.guard]!.refuse();
}

/**
 * Inside the caller's transaction: changes the row only if its version and state are still those checked (else 409),
 * appends the step's event and runs its work. For a record whose step is taken within another's (an extension request
 * decided by the order's decide-extension step, the overdue scan's escalation); `transition` is the usual way in.
 */
export async function applyStep(
  trx: Trx, def: AnyDef, caller: Caller | EventActor, record: LifecycleRecord, action: string, result: StepResult<any>, now: string,
): Promise<Record<string, unknown>> {
  const step = def.steps[action]!;
  const next = result.to ?? step.to ?? record.state;
  const stateColumn = def.stateColumn ?? 'state';
  const stored = (s: string) => def.stateValues?.[s] ?? s;
  const versioned = def.versioned !== false;
  let q = (trx as any).updateTable(def.table)
    .set({ ...result.set, [stateColumn]: stored(next), ...(versioned ? { version: record.version + 1 } : {}), updated_at: now })
    .where('id', '=', record.id).where(stateColumn, '=', stored(record.state));
  if (versioned) q = q.where('version', '=', record.version);
  for (const [column, values] of Object.entries(result.onlyIf ?? {})) q = q.where(column, 'in', values);
  const row = await q.returningAll().executeTakeFirst();
  if (!row) throw staleVersion();
  await appendEvent(trx, caller, {
    entityType: def.entityType, entityId: record.id, placeId: record.placeId, action: step.event,
    from: { state: record.state, ...result.from }, to: { state: next, ...result.data }, reason: result.reason ?? null,
  }, now);
  await result.after?.(trx, row);
  return row;
}

/**
 * The one transition command: check, run the step's side work, then one transaction (applyStep) that changes the row,
 * appends the event and runs the step's work. Answers the record as the API shows it, with `actions`:
 * the caller's next steps, so the page need not fetch again.
 */
export async function transition<R extends LifecycleRecord, A extends string>(
  def: LifecycleDef<R, A, string, string>, ctx: AppContext, caller: Caller, id: string, action: A, input: { version: number } & Record<string, unknown>,
): Promise<Record<string, unknown> & { actions: A[] }> {
  const record = await def.load(ctx, id, caller);
  checkStep(def as AnyDef, action, caller, record, input.version);
  const step = def.steps[action] as AnyStep;
  const now = nowIso();
  const result = (await step.run?.({ ctx, caller, actor: caller as Actor, record, now }, input)) ?? {};
  const updated = await ctx.handle.db.transaction().execute((trx) => applyStep(trx, def as AnyDef, caller, record, action, result, now));
  await result.afterCommit?.(updated);
  const fresh = await def.load(ctx, id, caller);
  const actions = fresh && def.visible(caller, fresh) ? availableActions(def, caller, fresh) : [];
  return { ...(def.view(ctx, updated, caller) as Record<string, unknown>), actions };
}
