import type { Actor } from '../../../core/access/actor.js';
import type { AppContext } from '../../../core/context.js';
import { peopleColumns, placeChains } from '../names.js';
import { toWorkOrder } from '../queries.js';
import type { TWorkOrderQuery } from '../schema.js';
import { awaitedIn, countsOf } from './count-work-orders.js';
import { filterWorkOrders } from './filter-work-orders.js';

/**
 * The work-order table and the inbox. The inbox ("waits on me", derived from the state table) says on each row which
 * steps wait on the caller and counts the rows by step; the rest is what the read policy lets the caller see.
 */
export async function listWorkOrders(ctx: AppContext, actor: Actor, f: TWorkOrderQuery) {
  const db = ctx.handle.db;
  const { q, mine, flags } = await filterWorkOrders(ctx, actor, f);
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
  return {
    items: rows.map((r) => ({ ...toWorkOrder(r), places: chains.get(r.place_path) ?? [], ...(mine ? { awaits: awaitedIn(r) } : {}) })),
    total: Number(total.n),
    ...(mine ? { counts: countsOf(total) } : {}),
  };
}
