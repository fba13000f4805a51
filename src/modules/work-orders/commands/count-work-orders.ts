import type { Actor } from '../../../core/access/actor.js';
import type { AppContext } from '../../../core/context.js';
import type { WorkOrderAction } from '../../../../contracts/work-order-steps.js';
import type { Channel } from '../../../../contracts/work-orders.js';
import { filterWorkOrders, type WorkOrderQueryFilter } from './filter-work-orders.js';

/** The steps a row (or a sum row) flags as waiting on the caller. */
export const awaitedIn = (row: Record<string, unknown>) => Object.keys(row).filter((k) => k.startsWith('awaits_') && Number(row[k]) > 0)
  .map((k) => k.slice('awaits_'.length) as WorkOrderAction);

/** The total of a filtered list and, with `mine`, its count by waiting step: the figures the inbox shows above its rows. */
export async function countWorkOrders(ctx: AppContext, actor: Actor, f: WorkOrderQueryFilter) {
  const { q, mine, flags } = await filterWorkOrders(ctx, actor, f);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).select(flags(true)).executeTakeFirstOrThrow();
  return { total: Number(total.n), ...(mine ? { counts: countsOf(total) } : {}) };
}

/** The sum row's count of each waiting step, only the steps that have any. */
export function countsOf(total: Record<string, unknown>): Partial<Record<WorkOrderAction, number>> {
  return Object.fromEntries(awaitedIn(total).map((a) => [a, Number(total[`awaits_${a}`])]));
}

/** A filtered list counted by channel (the channels with none left out). */
export async function countWorkOrdersByChannel(ctx: AppContext, actor: Actor, f: WorkOrderQueryFilter) {
  const { q } = await filterWorkOrders(ctx, actor, f);
  const rows = await q.select(['channel', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('channel').execute();
  return rows.map((r) => ({ channel: r.channel as Channel, count: Number(r.n) })).sort((a, b) => b.count - a.count);
}
