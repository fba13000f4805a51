import type { Policy, Rule } from '../access/policy.js';
import type { Role } from '../access/roles.js';
import type { Message } from '../errors.js';
import type { LifecycleDef } from './types.js';

/**
 * The abilities a state table gives, as a policy the UI receives with /api/me: which roles may ever take each step
 * (directly, or through a relation such as "assignee" that accounts of those roles can hold). The engine checks the
 * table again per record.
 */
export function lifecyclePolicy(def: LifecycleDef<any, string, string, string>, subject = def.entityType): Policy<Record<string, never>> {
  const rules: Rule<Record<string, never>>[] = [];
  for (const [action, step] of Object.entries(def.steps)) {
    const roles = new Set<Role>(step.who.flatMap((w) => def.relations[w]?.roles ?? [w as Role]));
    for (const role of roles) rules.push({ role, action });
  }
  return { subject, rules };
}

/** What the timeline calls each event of the table, and each state: every event a user sees has a label. */
export function lifecycleLabels(def: LifecycleDef<any, string, string, string>): { events: Record<string, Message>; states: Record<string, Message> } {
  const events: Record<string, Message> = { ...def.labels.events };
  for (const [action, step] of Object.entries(def.steps)) events[step.event] = def.labels.steps[action]!;
  return { events, states: { ...def.labels.states } };
}
