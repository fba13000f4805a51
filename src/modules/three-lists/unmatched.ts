import { inSubtrees } from '../../core/access/scope.js';
import type { DbOrTrx } from '../../core/db.js';

/**
 * The needs without a match in a place's subtree: published and not dispatched to any unit (never matched, or declined
 * back), oldest first: what a joint meeting takes up. `ids` narrows them to those named (an agenda being checked).
 */
export async function unmatchedNeeds(db: DbOrTrx, placePath: string, ids?: readonly string[]) {
  if (ids && ids.length === 0) return [];
  let q = db.selectFrom('needs').innerJoin('places as p', 'p.id', 'needs.place_id')
    .select(['needs.id', 'needs.title', 'needs.category', 'needs.created_at', 'needs.decline_reason', 'p.name as place_name'])
    .where('needs.state', '=', 'published').where((eb) => inSubtrees(eb, 'needs.place_path', [placePath]));
  if (ids) q = q.where('needs.id', 'in', [...ids]);
  const rows = await q.orderBy('needs.created_at').orderBy('needs.id').limit(100).execute();
  return rows.map((r) => ({ id: r.id, title: r.title, category: r.category, placeName: r.place_name, createdAt: r.created_at, declined: r.decline_reason !== null }));
}
