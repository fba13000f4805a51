import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { z } from 'zod';
import type { Actor, ResidentCaller } from '../access/actor.js';
import type { Role } from '../access/roles.js';
import type { AppContext } from '../context.js';
import type { Trx } from '../db.js';
import type { Message } from '../errors.js';

/** The in-process scheduler acting by rule (the overdue scan): named in the event log, holds no role. */
export interface SystemCaller {
  userId: null;
  displayName: string;
  system: true;
  bindings: readonly [];
}

/** Who calls a step: a signed-in staff or contact account, a resident known by their phone, or the scheduler. */
export type Caller = Actor | ResidentCaller | SystemCaller;
export const isResidentCaller = (c: Caller): c is ResidentCaller => 'phoneIndex' in c;
export const isStaffCaller = (c: Caller): c is Actor => 'sessionId' in c;
export const isSystemCaller = (c: Caller): c is SystemCaller => 'system' in c;

/** A record as the engine sees it: its row (with `id`, `version`, the state column and its place) plus what was loaded beside it. */
export interface LifecycleRecord {
  id: string;
  version: number;
  placeId: string;
  placePath: string;
  state: string;
}

/**
 * A relation between a caller and a record ("the assignee", "the reporter", "a called-in unit"): a check on a loaded
 * record, and the same as SQL over the record's table for inboxes. `unscoped`: it holds wherever the record lies.
 */
export interface Relation<R extends LifecycleRecord> {
  /** The roles whose accounts may ever hold it (for the abilities sent to the UI); none for residents. */
  roles: readonly Role[];
  holds(caller: Caller, record: R): boolean;
  where?(eb: ExpressionBuilder<any, any>, caller: Caller): Expression<SqlBool>;
}

/** A precondition beyond state and who: without it the step is not offered, and taking it answers 409 and writes nothing. */
export interface Guard<R extends LifecycleRecord> {
  holds(caller: Caller, record: R): boolean;
  where?(eb: ExpressionBuilder<any, any>, caller: Caller): Expression<SqlBool>;
  refuse(): Error;
}

/** What a step's side work changes: the row, the event's from/to beyond the state, its reason, and work in the transaction. */
export interface StepResult<R> {
  set?: Record<string, unknown>;
  /** Overrides the table's `to` (e.g. "not satisfied" reopens). */
  to?: string;
  from?: Record<string, unknown>;
  data?: Record<string, unknown>;
  reason?: string | null;
  /** Further conditions of the update, column → the values it may still hold (e.g. the order still being handled). */
  onlyIf?: Record<string, readonly unknown[]>;
  after?: (trx: Trx, updated: R) => Promise<void>;
  /**
   * Work once the step is committed, outside the transaction (a text message to the resident): it cannot undo the
   * step and must not throw; what fails there is its own to log.
   */
  afterCommit?: (updated: R) => Promise<void>;
}

export interface StepContext<R> {
  ctx: AppContext;
  caller: Caller;
  /** The caller as a staff actor; steps whose `who` names a resident relation must not rely on it. */
  actor: Actor;
  record: R;
  now: string;
}

/** One row of a state table: from which states, to which, who may, what it takes, what it checks, what it logs. */
export interface StepDef<R extends LifecycleRecord, Who extends string, S extends string> {
  from: readonly S[];
  /** The next state; `null` keeps the state (a flag or a side record changes). */
  to: S | null;
  who: readonly (Role | Who)[];
  input: z.ZodType<{ version: number }>;
  guard?: string;
  event: string;
  /** The step is what the record waits for: it puts the record in the inbox of whoever may take it. */
  awaited?: boolean;
  /** The step's own work; `after` receives the updated row. */
  run?: (s: StepContext<R>, input: any) => Promise<StepResult<any>>;
}

export interface LifecycleDef<R extends LifecycleRecord, A extends string, Who extends string, S extends string> {
  entityType: string;
  /** The record's table and its columns, for the conditional update. */
  table: string;
  stateColumn?: string;
  /** What the state column stores for each state, when not the state's name (e.g. an integer level). */
  stateValues?: Partial<Record<S, string | number>>;
  /** false: steps do not bump the record's version (a flag kept beside the record's main state table). */
  versioned?: boolean;
  states: readonly S[];
  relations: Record<Who, Relation<R>>;
  guards?: Record<string, Guard<R>>;
  steps: Record<A, StepDef<R, Who, S>>;
  /** Reads the record with everything the checks need, in as few queries as it can. */
  load(ctx: AppContext, id: string, caller: Caller): Promise<R | undefined>;
  /** Whether the caller may see the record at all: outside it the record does not exist (404). */
  visible(caller: Caller, record: R): boolean;
  /** What a step answers with: the record as the API shows it. */
  view(ctx: AppContext, row: any, caller: Caller): unknown;
  /** Labels: what the timeline and the buttons call each step and state. */
  /** `events`: the record's events that are not steps of the table (filing, photos added), also labelled. */
  labels: { steps: Record<A, Message>; states: Record<S, Message>; events?: Record<string, Message> };
}
