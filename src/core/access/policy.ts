import { forbidden } from '../errors.js';
import type { Actor, RoleBinding } from './actor.js';
import type { Role } from './roles.js';
import { assertInScope, isWithin } from './scope.js';

/** One rule: this role may do this action on this subject, where the subject lies in the role's subtree and the condition holds. */
export interface Rule<S> {
  role: Role;
  action: string;
  condition?: (binding: RoleBinding, subject: S) => boolean;
}

export interface Policy<S> {
  subject: string;
  rules: readonly Rule<S>[];
}

/** Declares a module's policy once: `definePolicy('place', [allow('grid_worker', 'update', (b, p) => …)])`. */
export function definePolicy<S>(subject: string, rules: readonly Rule<S>[]): Policy<S> {
  return { subject, rules };
}

export function allow<S>(roles: Role | readonly Role[], actions: string | readonly string[], condition?: Rule<S>['condition']): Rule<S>[] {
  const rs = typeof roles === 'string' ? [roles] : roles;
  const as = typeof actions === 'string' ? [actions] : actions;
  return rs.flatMap((role) => as.map((action) => ({ role, action, condition })));
}

/** Does any of the actor's bindings allow `action` on a subject at `placePath`? */
export function can<S>(actor: Actor, policy: Policy<S>, action: string, placePath: string, subject: S): boolean {
  return actor.bindings.some(
    (b) =>
      isWithin(placePath, b.placePath) &&
      policy.rules.some((r) => r.role === b.role && r.action === action && (!r.condition || r.condition(b, subject))),
  );
}

/** Scope first (404 outside the subtree), then the policy (403 inside it but not allowed). */
/** The caller's bindings that may take `action` under a policy (subject-free rules); none at all is 403 (inside their area, not their role). */
export function bindingsAllowed(actor: Actor, policy: Policy<Record<string, never>>, action: string): RoleBinding[] {
  const allowed = actor.bindings.filter((b) => can(actor, policy, action, b.placePath, {}));
  if (allowed.length === 0) throw forbidden();
  return allowed;
}

export function authorize<S>(actor: Actor, policy: Policy<S>, action: string, placePath: string, subject: S, what?: string): void {
  assertInScope(actor, placePath, what ?? policy.subject);
  if (!can(actor, policy, action, placePath, subject)) throw forbidden();
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
