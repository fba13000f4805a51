import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { LifecycleDef } from './types.js';

type Client = (opts: InjectOptions) => Promise<LightMyRequestResponse>;

/**
 * A caller the conformance check knows, and which `who` entries (roles or relations) it holds on records `make` creates;
 * a function when that depends on the step (its records lie at another level of the place tree).
 */
export interface KnownCaller {
  name: string;
  client: Client;
  holds: readonly string[] | ((action: string) => readonly string[]);
}

const holdsOf = (c: KnownCaller, action: string) => (typeof c.holds === 'function' ? c.holds(action) : c.holds);

export interface ConformanceSetup<A extends string> {
  def: LifecycleDef<any, A, string, string>;
  /** A fresh record in `state`, made so that every relation and guard of `action` holds for its holders; its id. */
  make(state: string, action: A): Promise<string>;
  callers: readonly KnownCaller[];
  /** The request for `action` on record `id` at `version`, with a body its schema and side checks accept. */
  request(id: string, action: A, version: number): Promise<InjectOptions>;
  version(id: string): Promise<number>;
  /** Everything a step could write about record `id` (its row, events, side records): compared before and after. */
  snapshot(id: string): Promise<unknown>;
  parallel?: number;
}

const ok = (r: LightMyRequestResponse) => r.statusCode >= 200 && r.statusCode < 300;

/**
 * Checks a state table against the running API: every step from every state not in its `from` answers 409 and writes
 * nothing; every known caller outside its `who` gets 403 or 404 and writes nothing; N parallel holders on one record:
 * exactly one wins and the others get 409. Returns the failures, one readable line each (empty when it conforms).
 */
export async function checkConformance<A extends string>(s: ConformanceSetup<A>): Promise<string[]> {
  const failures: string[] = [];
  const same = async (id: string, before: unknown) => JSON.stringify(await s.snapshot(id)) === JSON.stringify(before);
  for (const [action, step] of Object.entries(s.def.steps) as [A, (typeof s.def.steps)[A]][]) {
    const holders = s.callers.filter((c) => holdsOf(c, action).some((h) => step.who.includes(h)));
    if (!holders.length) { failures.push(`${action}: no known caller holds ${step.who.join('/')}`); continue; }
    for (const state of s.def.states.filter((st) => !step.from.includes(st))) {
      const id = await s.make(state, action);
      const before = await s.snapshot(id);
      const res = await holders[0]!.client(await s.request(id, action, await s.version(id)));
      if (res.statusCode !== 409) failures.push(`${action} from ${state} by ${holders[0]!.name}: ${res.statusCode}, expected 409`);
      if (!(await same(id, before))) failures.push(`${action} from ${state}: wrote something`);
    }
    for (const outsider of s.callers.filter((c) => !holders.includes(c))) {
      const id = await s.make(step.from[0]!, action);
      const before = await s.snapshot(id);
      const res = await outsider.client(await s.request(id, action, await s.version(id)));
      if (res.statusCode !== 403 && res.statusCode !== 404) failures.push(`${action} by ${outsider.name}: ${res.statusCode}, expected 403 or 404`);
      if (!(await same(id, before))) failures.push(`${action} by ${outsider.name}: wrote something`);
    }
    const id = await s.make(step.from[0]!, action);
    const req = await s.request(id, action, await s.version(id));
    const results = await Promise.all(Array.from({ length: s.parallel ?? 4 }, (_, i) => holders[i % holders.length]!.client(req)));
    const wins = results.filter(ok).length;
    const others = results.filter((r) => !ok(r)).map((r) => r.statusCode);
    if (wins !== 1 || others.some((c) => c !== 409)) failures.push(`${action} raced: ${wins} won, others ${others.join(',')} (${results.find((r) => !ok(r) && r.statusCode !== 409)?.body ?? ''})`);
  }
  return failures;
}
