import { type ExpressionBuilder, sql } from 'kysely';
import type { Actor } from '../../../core/access/actor.js';
import { allowedWhere } from '../../../core/access/policy.js';
import { inSubtrees, isInScopeOrAbove } from '../../../core/access/scope.js';
import type { AppContext } from '../../../core/context.js';
import { notFound } from '../../../core/errors.js';
import type { Database } from '../../../core/schema.js';
import { awaitedSteps } from '../../../core/lifecycle/inbox.js';
import { findPlace } from '../../places/index.js';
import { workOrderLifecycle as def } from '../lifecycle.js';
import { workOrderReadPolicy } from '../policy.js';
import type { TWorkOrderQuery } from '../schema.js';
import { OPEN_STATES } from '../state.js';

/** The filters of the list, without its paging: what the inbox, the table and the workbench's counts share. */
export type WorkOrderQueryFilter = Omit<TWorkOrderQuery, 'limit' | 'offset'>;

/** A day of the deployment's calendar (Beijing time) as the instant it starts. */
const dayStart = (day: string, plusDays = 0) => new Date(new Date(`${day}T00:00:00+08:00`).getTime() + plusDays * 86400_000).toISOString();

/** Still to be resolved: the states whose resolve deadline can pass (a resolved order waits only on its follow-up). */
const UNRESOLVED = OPEN_STATES.filter((s) => s !== 'resolved' && s !== 'followed_up');

/** A place the list is narrowed to: one the caller sees, or one above their places (a grid worker's community). */
async function placeFilter(ctx: AppContext, actor: Actor, id: string | undefined) {
  if (!id) return undefined;
  const place = await findPlace(ctx.handle.db, id);
  if (!place || !isInScopeOrAbove(actor, place.path)) throw notFound('place');
  return place.path;
}

/**
 * The orders a list shows: with `mine`, those on which a step waits on the caller (derived from the state table), else
 * what the read policy lets the caller see; then each filter. `flags` gives each waiting step as a 0/1 column of a row
 * (or its sum beside a count), so that the rows and the counts say the same.
 */
export async function filterWorkOrders(ctx: AppContext, actor: Actor, f: WorkOrderQueryFilter) {
  const db = ctx.handle.db;
  const paths = [await placeFilter(ctx, actor, f.placeId), await placeFilter(ctx, actor, f.streetId), await placeFilter(ctx, actor, f.communityId)]
    .filter((p): p is string => p !== undefined);
  const now = new Date();
  const mine = f.mine === 'true';
  let q = db.selectFrom('work_orders').where((eb) => {
    // `awaits` narrows the inbox to one kind of step (a workbench card opens it so).
    const awaited = awaitedSteps(def, eb, actor).filter((s) => !f.awaits || s.action === f.awaits);
    return mine ? (awaited.length ? eb.or(awaited.map((s) => s.where)) : sql<boolean>`1 = 0`) : allowedWhere(eb, actor, workOrderReadPolicy, 'read');
  });
  for (const path of paths) q = q.where((eb) => inSubtrees(eb, 'place_path', [path]));
  if (f.state) q = q.where('state', '=', f.state);
  if (f.categoryId) q = q.where('category_id', '=', f.categoryId);
  if (f.channel) q = q.where('channel', '=', f.channel);
  if (f.receivedFrom) q = q.where('received_at', '>=', dayStart(f.receivedFrom));
  if (f.receivedTo) q = q.where('received_at', '<', dayStart(f.receivedTo, 1));
  if (f.overdue === 'true') q = q.where('state', 'in', UNRESOLVED).where('resolve_due', '<', now.toISOString());
  // Due within a day: still in time, but not for long.
  if (f.dueSoon === 'true') {
    q = q.where('state', 'in', UNRESOLVED).where('resolve_due', '>=', now.toISOString()).where('resolve_due', '<', new Date(now.getTime() + 86400_000).toISOString());
  }
  if (f.q) q = q.where((eb) => eb.or([eb('title', 'like', `%${f.q}%`), eb('tracking_no', '=', f.q!), eb('external_no', '=', f.q!)]));
  const flags = (sum: boolean) => (eb: ExpressionBuilder<Database, 'work_orders'>) => (mine ? awaitedSteps(def, eb, actor) : []).map((s) => {
    const flag = eb.case().when(s.where).then(1).else(0).end();
    return (sum ? eb.fn.sum<number>(flag) : flag).as(`awaits_${s.action}`);
  });
  return { q, mine, flags };
}
