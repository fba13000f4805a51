import { type ExpressionBuilder, sql } from 'kysely';
import type { Actor } from '../../../core/access/actor.js';
import { allowedWhere } from '../../../core/access/policy.js';
import { inSubtrees, isInScopeOrAbove } from '../../../core/access/scope.js';
import type { AppContext } from '../../../core/context.js';
import { notFound } from '../../../core/errors.js';
import type { Database } from '../../../core/schema.js';
import { awaitedSteps } from '../../../core/lifecycle/inbox.js';
import type { WorkOrderAction } from '../../../../contracts/work-order-steps.js';
import { findPlace } from '../../places/index.js';
import { workOrderLifecycle as def } from '../lifecycle.js';
import { peopleColumns, placeChains } from '../names.js';
import { workOrderReadPolicy } from '../policy.js';
import { toWorkOrder } from '../queries.js';
import type { TWorkOrderQuery } from '../schema.js';
import { OPEN_STATES } from '../state.js';

/** A day of the deployment's calendar (Beijing time) as the instant it starts. */
const dayStart = (day: string, plusDays = 0) => new Date(new Date(`${day}T00:00:00+08:00`).getTime() + plusDays * 86400_000).toISOString();

/** A place the list is narrowed to: one the caller sees, or one above their places (a grid worker's community). */
async function placeFilter(ctx: AppContext, actor: Actor, id: string | undefined) {
  if (!id) return undefined;
  const place = await findPlace(ctx.handle.db, id);
  if (!place || !isInScopeOrAbove(actor, place.path)) throw notFound('place');
  return place.path;
}

/**
 * The work-order table and the inbox. The inbox ("waits on me", derived from the state table) says on each row which
 * steps wait on the caller and counts the rows by step; the rest is what the read policy lets the caller see.
 */
export async function listWorkOrders(ctx: AppContext, actor: Actor, f: TWorkOrderQuery) {
  const db = ctx.handle.db;
  const paths = [await placeFilter(ctx, actor, f.placeId), await placeFilter(ctx, actor, f.streetId), await placeFilter(ctx, actor, f.communityId)]
    .filter((p): p is string => p !== undefined);
  const now = new Date().toISOString();
  const mine = f.mine === 'true';
  let q = db.selectFrom('work_orders').where((eb) => {
    const awaited = awaitedSteps(def, eb, actor);
    return mine ? (awaited.length ? eb.or(awaited.map((s) => s.where)) : sql<boolean>`1 = 0`) : allowedWhere(eb, actor, workOrderReadPolicy, 'read');
  });
  for (const path of paths) q = q.where((eb) => inSubtrees(eb, 'place_path', [path]));
  if (f.state) q = q.where('state', '=', f.state);
  if (f.categoryId) q = q.where('category_id', '=', f.categoryId);
  if (f.channel) q = q.where('channel', '=', f.channel);
  if (f.receivedFrom) q = q.where('received_at', '>=', dayStart(f.receivedFrom));
  if (f.receivedTo) q = q.where('received_at', '<', dayStart(f.receivedTo, 1));
  if (f.overdue === 'true') q = q.where('state', 'in', OPEN_STATES.filter((s) => s !== 'resolved' && s !== 'followed_up')).where('resolve_due', '<', now);
  if (f.q) q = q.where((eb) => eb.or([eb('title', 'like', `%${f.q}%`), eb('tracking_no', '=', f.q!), eb('external_no', '=', f.q!)]));
  // Each step that waits on me as a 0/1 column of the row, and as a sum beside the total.
  const flags = (sum: boolean) => (eb: ExpressionBuilder<Database, 'work_orders'>) => (mine ? awaitedSteps(def, eb, actor) : []).map((s) => {
    const flag = eb.case().when(s.where).then(1).else(0).end();
    return (sum ? eb.fn.sum<number>(flag) : flag).as(`awaits_${s.action}`);
  });
  // The page's ids first, from the index on (place_path, received_at, id) alone, then only those rows: sorting a street's
  // whole year of rows to keep twenty cost 60–90 ms at 200k orders, the ids alone about 3 ms (bench/work-orders.ts).
  // The inbox puts urgent orders first (紧急程度, then 特急 above 紧急); the table keeps the received order.
  const byUrgency = <Q extends { orderBy: (c: 'urgency', d: 'desc') => Q }>(query: Q) => (mine ? query.orderBy('urgency', 'desc') : query);
  const pageIds = byUrgency(q.select('work_orders.id')).orderBy('received_at', 'desc').orderBy('id', 'desc').limit(f.limit).offset(f.offset);
  const [rows, total] = await Promise.all([
    byUrgency(db.selectFrom('work_orders').where('work_orders.id', 'in', pageIds).selectAll('work_orders').select(peopleColumns(db)).select(flags(false)))
      .orderBy('received_at', 'desc').orderBy('id', 'desc').execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).select(flags(true)).executeTakeFirstOrThrow(),
  ]);
  const chains = await placeChains(db, actor, rows.map((r) => r.place_path));
  const awaits = (row: Record<string, unknown>) => Object.keys(row).filter((k) => k.startsWith('awaits_') && Number(row[k]) > 0)
    .map((k) => k.slice('awaits_'.length) as WorkOrderAction);
  const counts = mine ? Object.fromEntries(awaits({ ...total }).map((a) => [a, Number((total as Record<string, unknown>)[`awaits_${a}`])])) : undefined;
  return {
    items: rows.map((r) => ({ ...toWorkOrder(r), places: chains.get(r.place_path) ?? [], ...(mine ? { awaits: awaits(r) } : {}) })),
    total: Number(total.n),
    ...(counts ? { counts } : {}),
  };
}
