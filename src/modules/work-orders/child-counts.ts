import type { DbOrTrx } from '../../core/db.js';
import { inSubtrees } from '../../core/access/scope.js';
import { OPEN_STATES } from '../../../contracts/work-orders.js';

// Waiting to be resolved: what the overdue figure counts too (resolved and followed-up orders wait on the resident).
const UNRESOLVED = OPEN_STATES.filter((s) => s !== 'resolved' && s !== 'followed_up');

/**
 * Unresolved and overdue (past `resolve_due`) orders under each of a place's children, for the map: one indexed range
 * over the parent's subtree, each order counted for the child whose path it lies in.
 */
export async function unresolvedCountsByChild(db: DbOrTrx, parentPath: string, childPaths: readonly string[], now: string) {
  const rows = await db.selectFrom('work_orders').select(['place_path', 'resolve_due'])
    .where((eb) => inSubtrees(eb, 'place_path', [parentPath])).where('state', 'in', UNRESOLVED).execute();
  const counts = new Map(childPaths.map((p) => [p, { open: 0, overdue: 0 }]));
  const depth = parentPath.split('/').length;
  for (const r of rows) {
    // The child's path is the order's path cut one level below the parent.
    const child = counts.get(`${r.place_path.split('/').slice(0, depth).join('/')}/`);
    if (!child) continue;
    child.open++;
    if (r.resolve_due && r.resolve_due < now) child.overdue++;
  }
  return counts;
}
