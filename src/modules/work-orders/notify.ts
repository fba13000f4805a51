import type { DbOrTrx } from '../../core/db.js';
import { newId, nowIso } from '../../core/ids.js';

/** Puts a line in each user's in-app inbox (SMS goes through the provider adapter elsewhere). */
export async function notify(db: DbOrTrx, userIds: (string | null | undefined)[], n: { kind: string; entityId: string; zh: string; en: string }) {
  const ids = [...new Set(userIds.filter((u): u is string => Boolean(u)))];
  if (ids.length === 0) return;
  const now = nowIso();
  await db.insertInto('notifications').values(ids.map((user_id) => ({
    id: newId(), user_id, kind: n.kind, entity_type: 'work_order', entity_id: n.entityId, text_zh: n.zh, text_en: n.en, read_at: null, created_at: now,
  }))).execute();
}

/** The users who act for an assignee: the user itself, or every contact of the unit. */
export async function assigneeUsers(db: DbOrTrx, kind: 'user' | 'unit' | null, id: string | null): Promise<string[]> {
  if (!kind || !id) return [];
  if (kind === 'user') return [id];
  return (await db.selectFrom('users').select('id').where('unit_id', '=', id).where('disabled', '=', 0).execute()).map((u) => u.id);
}

/** Street staff over a place: who a twice-unsatisfied or overdue order goes to. */
export async function streetStaffOver(db: DbOrTrx, placePath: string): Promise<string[]> {
  const streetId = placePath.split('/').filter(Boolean)[1];
  if (!streetId) return [];
  const rows = await db.selectFrom('role_bindings').select('user_id').where('role', '=', 'street_staff').where('place_id', '=', streetId).execute();
  return rows.map((r) => r.user_id);
}
