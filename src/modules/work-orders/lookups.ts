import type { Kysely } from 'kysely';
import type { Database } from '../../core/schema.js';
import type { DbOrTrx } from '../../core/db.js';
import type { WorkOrderState } from '../../../contracts/work-orders.js';
import type { WorkOrderRow } from './queries.js';

/** What other modules read of work orders, so that none of them names the table. */

export async function findWorkOrderByExternalNo(db: DbOrTrx, externalNo: string): Promise<WorkOrderRow | undefined> {
  return db.selectFrom('work_orders').selectAll().where('external_no', '=', externalNo).executeTakeFirst();
}

/** Which of these 12345 order numbers are already filed. */
export async function filedExternalNos(db: DbOrTrx, numbers: readonly string[]): Promise<Set<string>> {
  const filed = new Set<string>();
  for (let i = 0; i < numbers.length; i += 500) {
    const found = await db.selectFrom('work_orders').select('external_no').where('external_no', 'in', numbers.slice(i, i + 500)).execute();
    for (const f of found) filed.add(f.external_no!);
  }
  return filed;
}

export async function findWorkOrderByTrackingNo(db: DbOrTrx, trackingNo: string): Promise<WorkOrderRow | undefined> {
  return db.selectFrom('work_orders').selectAll().where('tracking_no', '=', trackingNo).executeTakeFirst();
}

/** The orders with these ids, oldest received first (unknown ids are left out). */
export async function findWorkOrdersByIds(db: DbOrTrx, ids: readonly string[]): Promise<WorkOrderRow[]> {
  const unique = [...new Set(ids)];
  const out: WorkOrderRow[] = [];
  for (let i = 0; i < unique.length; i += 500) out.push(...await db.selectFrom('work_orders').selectAll().where('id', 'in', unique.slice(i, i + 500)).execute());
  return out.sort((a, b) => (a.received_at < b.received_at ? -1 : a.received_at > b.received_at ? 1 : 0));
}

/** The orders a resident filed with their phone (its blind index), newest first. */
export async function listReporterOrders(db: DbOrTrx, phoneIndex: string, page: { limit: number; offset: number }) {
  const q = db.selectFrom('work_orders').where('reporter_phone_index', '=', phoneIndex);
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('received_at', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export interface WorkOrderFilter {
  trackingNos?: string[];
  categoryIds?: string[];
  states?: WorkOrderState[];
  /** received_at from and to, inclusive. */
  receivedFrom?: string;
  receivedTo?: string;
  limit: number;
}

/** Orders by number, category, state and time received, newest first (the Open311 request list). */
export async function listWorkOrders(db: DbOrTrx, f: WorkOrderFilter): Promise<WorkOrderRow[]> {
  let q = db.selectFrom('work_orders').selectAll();
  if (f.trackingNos) q = q.where('tracking_no', 'in', f.trackingNos);
  if (f.categoryIds) q = q.where('category_id', 'in', f.categoryIds);
  if (f.states) q = q.where('state', 'in', f.states);
  if (f.receivedFrom) q = q.where('received_at', '>=', f.receivedFrom);
  if (f.receivedTo) q = q.where('received_at', '<=', f.receivedTo);
  return q.orderBy('received_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
}

/**
 * The order columns the three rates count, as a subquery the rates module selects from (`from ${rateableOrders(db)} wo`)
 * without naming the table. A plain column list: SQLite and PostgreSQL flatten it, so the covering indexes still serve.
 */
export function rateableOrders(db: Kysely<any>) {
  return (db as unknown as Kysely<Database>).selectFrom('work_orders').select([
    'id', 'office_id', 'state', 'assignee_kind', 'assignee_id', 'received_at', 'accepted_at', 'closed_at', 'accept_due', 'resolve_due', 'resolved_at', 'rating',
  ]);
}

/**
 * The orders closed since `since` (ISO) with the resident's rating "satisfied" while held by a person: the order, its
 * tracking number, that person's user id and when it closed. What the party points credit to a member who handled it.
 */
export async function satisfiedOrdersHeldByUsers(db: DbOrTrx, since: string) {
  const rows = await db.selectFrom('work_orders').select(['id', 'tracking_no', 'assignee_id', 'closed_at'])
    .where('rating', '=', 'satisfied').where('assignee_kind', '=', 'user').where('closed_at', '>=', since).orderBy('closed_at').orderBy('id').execute();
  return rows.map((r) => ({ orderId: r.id, trackingNo: r.tracking_no, userId: r.assignee_id!, closedAt: r.closed_at! }));
}
