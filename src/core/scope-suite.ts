import type { InjectOptions } from 'fastify';
import type { AppContext } from './context.js';

/**
 * Scope cases: each module says, in its `scope-cases.ts`, how a caller outside a record's subtree reaches each of its
 * routes; src/test/scope.test.ts runs them all (404 `not_found`, nothing written) and fails on a route of the OpenAPI
 * description that has neither a case nor an unscoped entry with a reason. The manifest loads the file lazily
 * (`scopeCases: () => import('./scope-cases.js').then((m) => m.scopeSuite)`), so the app never loads test code.
 */

/** A place of the shared fixture. */
export interface ScopePlace {
  id: string;
  path: string;
}

/**
 * The out-of-scope records every suite may use, built once by the runner from the demo data. The usual callers are
 * `grid1` (北江社区第1网格's grid worker) and `beijiang` (北江社区's community worker).
 */
export interface ScopeFixture {
  ctx: AppContext;
  /** 北江社区: beijiang's community, holding grid1's grid and grid2's (inside beijiang's subtree). */
  community: ScopePlace;
  /** 北江社区第2网格, beside grid1's grid: outside grid1's subtree, inside beijiang's. */
  grid2: ScopePlace;
  /** The first compound of grid2, its first building and that building's first household. */
  compound: ScopePlace;
  building: ScopePlace;
  household: ScopePlace;
  /** A resident of that household. */
  resident: { id: string };
  /** A work order grid2's worker filed on that compound (just filed: version 1). */
  order: { id: string };
  /** 沙头社区, another community of the same street (西南街道): outside beijiang's subtree. */
  otherCommunity: ScopePlace;
  /** 沙头社区第1网格. */
  otherGrid: ScopePlace;
  /** A community of another street: outside 西南街道, where the demo API key is bound. */
  otherStreetCommunity: ScopePlace;
}

/** One route reached from outside: it must answer 404 `not_found` with a zh and en message, and write nothing. */
export interface ScopeCase<Own extends object = object> {
  /** The route as the OpenAPI description names it: 'GET /api/places/{id}'. */
  route: string;
  /** Who calls: a demo username ('grid1', 'beijiang', …), signed in before the first case. */
  who: string;
  /** What the caller sends. */
  request(fixture: ScopeFixture & Own): InjectOptions;
}

/** A route that names no record, with a one-line reason (what it acts on, and where that is tested). */
export interface UnscopedRoute {
  route: string;
  reason: string;
}

/** A module's scope cases: the records it needs beyond the fixture, a case per route that names a record, and the rest. */
export interface ScopeSuite<Own extends object = object> {
  /** Creates the module's own out-of-scope records (a notification of grid2's, a notice of 沙头社区, …); what it returns reaches each case. */
  prepare?(fixture: ScopeFixture): Promise<Own>;
  cases: readonly ScopeCase<Own>[];
  unscoped?: readonly UnscopedRoute[];
}

/** Types a suite, inferring what `prepare` returns for its cases. */
export const defineScopeSuite = <Own extends object = object>(suite: ScopeSuite<Own>): ScopeSuite<Own> => suite;
