import type { DbOrTrx } from '../../core/db.js';
import { usersOfUnit, usersWithRoleOver } from '../accounts/index.js';
import { notify as notifyUsers } from '../notifications/index.js';

/** A line in each user's inbox about a work order (the notifications module's inbox). */
export async function notify(db: DbOrTrx, userIds: (string | null | undefined)[], n: { kind: string; entityId: string; zh: string; en: string }) {
  await notifyUsers(db, userIds, { ...n, entityType: 'work_order' });
}

/** The users who act for an assignee: the user itself, or every contact of the unit. */
export async function assigneeUsers(db: DbOrTrx, kind: 'user' | 'unit' | null, id: string | null): Promise<string[]> {
  if (!kind || !id) return [];
  if (kind === 'user') return [id];
  return usersOfUnit(db, id);
}

/** Street staff over a place: who a twice-unsatisfied or overdue order goes to. */
export async function streetStaffOver(db: DbOrTrx, placePath: string): Promise<string[]> {
  return usersWithRoleOver(db, placePath, ['street_staff']);
}
