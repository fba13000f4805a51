import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Role } from '../access/roles.js';
import { bindingsOf, inSubtrees } from '../access/scope.js';
import { isStaffCaller, type Caller, type LifecycleDef } from './types.js';

/**
 * "Waits on me": the records in a state some awaited step starts from, where the caller holds that step's `who`
 * (a role over the record's place, or a relation) and its guard holds. Derived from the table, so an inbox never
 * forgets a step (an extension to decide, a call-in to report in to).
 */
export function waitsOn(def: LifecycleDef<any, string, string, string>, eb: ExpressionBuilder<any, any>, caller: Caller, pathColumn = 'place_path'): Expression<SqlBool> {
  const parts = awaitedSteps(def, eb, caller, pathColumn).map((s) => s.where);
  return parts.length ? eb.or(parts) : sql<SqlBool>`1 = 0`;
}

/**
 * Each awaited step this caller could take, with the condition that a record waits on them for it: what the inbox says
 * is expected on each row ("to accept", "to report in to") and counts by kind. Steps the caller can never take are left out.
 */
export function awaitedSteps(
  def: LifecycleDef<any, string, string, string>, eb: ExpressionBuilder<any, any>, caller: Caller, pathColumn = 'place_path',
): { action: string; where: Expression<SqlBool> }[] {
  const stateColumn = def.stateColumn ?? 'state';
  const parts: { action: string; where: Expression<SqlBool> }[] = [];
  for (const [action, step] of Object.entries(def.steps)) {
    if (!step.awaited) continue;
    const who = step.who.map((w): Expression<SqlBool> | null => {
      const relation = def.relations[w];
      if (relation) return relation.where ? relation.where(eb, caller) : null;
      if (!isStaffCaller(caller)) return null;
      const roots = bindingsOf(caller, [w as Role]).map((b) => b.placePath);
      return roots.length ? inSubtrees(eb, pathColumn, roots) : null;
    }).filter((e): e is Expression<SqlBool> => e !== null);
    if (!who.length) continue;
    const guard = step.guard ? def.guards![step.guard]! : undefined;
    parts.push({ action, where: eb.and([eb(stateColumn, 'in', step.from), eb.or(who), ...(guard?.where ? [guard.where(eb, caller)] : [])]) });
  }
  return parts;
}
