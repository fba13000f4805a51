import { type ExpressionBuilder, type Expression, type SqlBool, sql } from 'kysely';
import { subtreeUpperBound } from '../db.js';
import { notFound } from '../errors.js';
import type { Actor, RoleBinding } from './actor.js';
import type { Role } from './roles.js';

/** Whoever holds role bindings: a signed-in actor (the helpers below read only its bindings). */
export type Bound = { readonly bindings: readonly RoleBinding[] };

/** True when `path` lies in the subtree rooted at `rootPath` (both materialised, ending in '/'). */
export function isWithin(path: string, rootPath: string): boolean {
  return path.startsWith(rootPath);
}

/** A place's path and every ancestor's: '/a/b/c/' → ['/a/', '/a/b/', '/a/b/c/'] (what is "here or above"). */
export function selfAndAncestorPaths(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

/** Subtree roots without those nested inside another: ['/a/', '/a/b/', '/c/'] → ['/a/', '/c/']. */
export function outermostRoots(paths: readonly string[]): string[] {
  const sorted = [...new Set(paths)].sort();
  return sorted.filter((p, i) => !sorted.slice(0, i).some((q) => isWithin(p, q)));
}

/** The caller's subtree roots, without roots nested inside another root. */
export function scopeRoots(actor: Bound): string[] {
  return outermostRoots(actor.bindings.map((b) => b.placePath));
}

/** What of these subtrees lies in `path`'s subtree: per root, the deeper of the two where one holds the other. */
export function rootsWithin(roots: readonly string[], path: string): string[] {
  return [...new Set(roots.flatMap((r) => (isWithin(r, path) ? [r] : isWithin(path, r) ? [path] : [])))];
}

/** The caller's bindings of one of these roles, in the caller's order (highest place first). */
export function bindingsOf(actor: Bound, roles: readonly Role[]): RoleBinding[] {
  return actor.bindings.filter((b) => roles.includes(b.role));
}

/** The caller's bindings on `path` or above it (of one of `roles`, when given), the nearest first. */
export function bindingsOver(actor: Bound, path: string, roles?: readonly Role[]): RoleBinding[] {
  return actor.bindings.filter((b) => isWithin(path, b.placePath) && (!roles || roles.includes(b.role)))
    .sort((a, b) => b.placePath.length - a.placePath.length);
}

/** The caller's bindings on `path` or below it, the deepest first. */
export function bindingsUnder(actor: Bound, path: string): RoleBinding[] {
  return actor.bindings.filter((b) => isWithin(b.placePath, path)).sort((a, b) => b.placePath.length - a.placePath.length);
}

/**
 * The one scope helper: a where-clause keeping rows whose path column lies in one of `roots`.
 * Each root is an index range (path >= root and path < root-with-'0'), the same on SQLite and PostgreSQL.
 */
export function inSubtrees<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: string,
  roots: string[],
): Expression<SqlBool> {
  if (roots.length === 0) return sql<SqlBool>`1 = 0`;
  const ref = sql.ref(column);
  return eb.or(roots.map((root) => sql<SqlBool>`(${ref} >= ${root} and ${ref} < ${subtreeUpperBound(root)})`));
}

/** The actor's scope as a where-clause on a path column. */
export function inScope<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, actor: Bound, column: string) {
  return inSubtrees(eb, column, scopeRoots(actor));
}

/** Does the path lie in the caller's subtree (one of their bindings on it or above it)? */
export function isInScope(actor: Bound, placePath: string | null | undefined): placePath is string {
  return !!placePath && actor.bindings.some((b) => isWithin(placePath, b.placePath));
}

/** Throws 404 (never 403) when the record lies outside the caller's subtree: outsiders learn nothing. */
export function assertInScope(actor: Actor, placePath: string | null | undefined, what = 'record'): void {
  if (!isInScope(actor, placePath)) throw notFound(what);
}

/**
 * What serves the caller's places as well as what lies in them: a path in the caller's subtree, or on or above one of
 * their places (a street's departments serve its communities).
 */
export function isInScopeOrAbove(actor: Bound, path: string): boolean {
  return isInScope(actor, path) || actor.bindings.some((b) => isWithin(b.placePath, path));
}

/** isInScopeOrAbove as a where-clause on a path column. */
export function inScopeOrAbove<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, actor: Bound, column: string): Expression<SqlBool> {
  const above = [...new Set(actor.bindings.flatMap((b) => selfAndAncestorPaths(b.placePath)))];
  return eb.or([inScope(eb, actor, column), ...(above.length ? [eb(sql.ref(column), 'in', above)] : [])]);
}
