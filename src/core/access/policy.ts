import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { forbidden, notFound } from '../errors.js';
import type { Actor, RoleBinding } from './actor.js';
import type { Role } from './roles.js';
import { assertInScope, inSubtrees, isWithin, outermostRoots } from './scope.js';

/**
 * One rule: this role may do this action on this subject, where the subject lies in the role's subtree (unless
 * `anywhere`: a relation such as "dispatched to my unit" holds wherever the subject lies) and the condition holds.
 * `where` is the same condition as SQL, for lists.
 */
export interface Rule<S> {
  role: Role;
  action: string;
  condition?: (binding: RoleBinding, subject: S, actor: Actor) => boolean;
  where?: (eb: ExpressionBuilder<any, any>, binding: RoleBinding, actor: Actor) => Expression<SqlBool>;
  anywhere?: boolean;
}

export interface Policy<S> {
  subject: string;
  rules: readonly Rule<S>[];
}

/** Declares a module's policy once: `definePolicy('place', [allow('grid_worker', 'update', (b, p) => …)])`. */
export function definePolicy<S>(subject: string, rules: readonly Rule<S>[]): Policy<S> {
  return { subject, rules };
}

export function allow<S>(
  roles: Role | readonly Role[], actions: string | readonly string[], condition?: Rule<S>['condition'],
  extra: Pick<Rule<S>, 'where' | 'anywhere'> = {},
): Rule<S>[] {
  const rs = typeof roles === 'string' ? [roles] : roles;
  const as = typeof actions === 'string' ? [actions] : actions;
  return rs.flatMap((role) => as.map((action) => ({ role, action, condition, ...extra })));
}

/** Does any of the actor's bindings allow `action` on a subject at `placePath`? */
export function can<S>(actor: Actor, policy: Policy<S>, action: string, placePath: string, subject: S): boolean {
  return actor.bindings.some((b) => policy.rules.some((r) =>
    r.role === b.role && r.action === action && (r.anywhere || isWithin(placePath, b.placePath)) && (!r.condition || r.condition(b, subject, actor))));
}

/**
 * The one "which records may this caller see" helper for lists: the rows whose path column lies in a binding's subtree
 * (or anywhere, for relation rules) and satisfy the rule's SQL condition. Nothing when no rule applies.
 */
export function allowedWhere<S>(eb: ExpressionBuilder<any, any>, actor: Actor, policy: Policy<S>, action: string, pathColumn = 'place_path'): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [];
  for (const b of actor.bindings) {
    for (const r of policy.rules) {
      if (r.role !== b.role || r.action !== action) continue;
      if (r.condition && !r.where) throw new Error(`rule ${policy.subject}.${action} for ${r.role} has a condition without its SQL form`);
      const scope = r.anywhere ? [] : [inSubtrees(eb, pathColumn, [b.placePath])];
      parts.push(eb.and([...scope, ...(r.where ? [r.where(eb, b, actor)] : [])]));
    }
  }
  return parts.length ? eb.or(parts) : sql<SqlBool>`1 = 0`;
}

/**
 * The caller's bindings on whose place `action` is allowed under a policy (subject-free rules unless a subject is given),
 * highest place first; none is an empty list.
 */
export function allowedBindings<S>(actor: Actor, policy: Policy<S>, action: string, subject: S = {} as S): RoleBinding[] {
  return actor.bindings.filter((b) => can(actor, policy, action, b.placePath, subject));
}

/** The subtrees in which the caller may take `action` under a policy, nested ones left out: the roots a list or a count reads. */
export function allowedRoots<S>(actor: Actor, policy: Policy<S>, action: string, subject?: S): string[] {
  return outermostRoots(allowedBindings(actor, policy, action, subject).map((b) => b.placePath));
}

/** The roles a policy lets take `action` at all. */
export function rolesAllowed(policy: Policy<any>, action: string): Role[] {
  return [...new Set(policy.rules.filter((r) => r.action === action).map((r) => r.role))];
}

/** The caller's bindings that may take `action` under a policy (subject-free rules); none at all is 403 (inside their area, not their role). */
export function bindingsAllowed(actor: Actor, policy: Policy<Record<string, never>>, action: string): RoleBinding[] {
  const allowed = allowedBindings(actor, policy, action);
  if (allowed.length === 0) throw forbidden();
  return allowed;
}

export function authorize<S>(actor: Actor, policy: Policy<S>, action: string, placePath: string, subject: S, what?: string): void {
  assertInScope(actor, placePath, what ?? policy.subject);
  if (!can(actor, policy, action, placePath, subject)) throw forbidden();
}

/** Sees the subject under the policy's `read` rules; otherwise it does not exist for the caller (404). */
export function assertVisible<S>(actor: Actor, policy: Policy<S>, placePath: string, subject: S, what?: string): void {
  if (!can(actor, policy, 'read', placePath, subject)) throw notFound(what ?? policy.subject);
}

/** The actions each role may take per subject, sent to the UI so it hides what the user may not do. */
export function abilitiesOf(actor: Actor, policies: readonly Policy<any>[]): Record<string, string[]> {
  const roles = new Set(actor.bindings.map((b) => b.role));
  const out: Record<string, string[]> = {};
  for (const p of policies) {
    out[p.subject] = [...new Set(p.rules.filter((r) => roles.has(r.role)).map((r) => r.action))].sort();
  }
  return out;
}
