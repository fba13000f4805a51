import type { AppContext } from '../../core/context.js';
import type { DbOrTrx } from '../../core/db.js';
import { msg } from '../../core/i18n.js';
import { usersOfUnit, usersWithRoleOver } from '../accounts/index.js';
import { notify as notifyUsers, textResident } from '../notifications/index.js';
import { workOrderMsg } from './messages.js';
import type { WorkOrderRow } from './queries.js';

/** A line in each user's inbox about a work order (the notifications module's inbox). */
export async function notify(db: DbOrTrx, userIds: (string | null | undefined)[], n: { kind: string; entityId: string; zh: string; en: string }) {
  await notifyUsers(db, userIds, { ...n, entityType: 'work_order' });
}

/** Texts the reporter that their demand is resolved, when a phone was given; a failed message is logged, never the step's. */
export async function textReporterResolved(ctx: AppContext, o: WorkOrderRow): Promise<void> {
  if (!o.reporter_phone_enc) return;
  const text = msg(workOrderMsg.resolvedSms, { trackingNo: o.tracking_no }).zh;
  await textResident(ctx, ctx.cipher.decrypt(o.reporter_phone_enc), { template: 'demandResolved', params: { trackingNo: o.tracking_no }, text });
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
