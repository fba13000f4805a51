import { type ExpressionBuilder, type Expression, type SqlBool, sql } from 'kysely';
import { subtreeUpperBound } from '../db.js';
import { notFound } from '../errors.js';
import type { Actor } from './actor.js';

/** True when `path` lies in the subtree rooted at `rootPath` (both materialised, ending in '/'). */
export function isWithin(path: string, rootPath: string): boolean {
  return path.startsWith(rootPath);
}

/** A place's path and every ancestor's: '/a/b/c/' → ['/a/', '/a/b/', '/a/b/c/'] (what is "here or above"). */
export function selfAndAncestorPaths(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

/** The caller's subtree roots, without roots nested inside another root. */
export function scopeRoots(actor: Actor): string[] {
  const paths = [...new Set(actor.bindings.map((b) => b.placePath))].sort();
  return paths.filter((p, i) => !paths.slice(0, i).some((q) => p.startsWith(q)));
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
export function inScope<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, actor: Actor, column: string) {
  return inSubtrees(eb, column, scopeRoots(actor));
}

/** Throws 404 (never 403) when the record lies outside the caller's subtree: outsiders learn nothing. */
export function assertInScope(actor: Actor, placePath: string | null | undefined, what = 'record'): void {
  if (!placePath || !actor.bindings.some((b) => isWithin(placePath, b.placePath))) throw notFound(what);
}
