import type { Actor, RoleBinding } from '../../core/access/actor.js';
import { bindingsAllowed, definePolicy, allow } from '../../core/access/policy.js';
import { STAFF_ROLES } from '../../core/access/roles.js';
import { isWithin } from '../../core/access/scope.js';
import type { AppContext } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { currentDay, currentMonth } from '../../../contracts/months.js';
import { findPlace } from '../places/index.js';
import { countBuildingsLackingHead } from '../party/index.js';
import { ranking } from '../rates/index.js';
import { countWorkOrders, countWorkOrdersByChannel } from '../work-orders/index.js';

/** Every staff role has a workbench (工作台) over the places of its bindings. */
export const workbenchPolicy = definePolicy<Record<string, never>>('workbench', [...allow(STAFF_ROLES, 'read')]);

/** The place a workbench is for: `placeId` when it lies under one of the caller's staff bindings (else 404), or the first binding's. */
async function workbenchPlace(ctx: AppContext, actor: Actor, placeId: string | undefined): Promise<Pick<RoleBinding, 'placeId' | 'placePath' | 'placeName' | 'placeLevel'>> {
  const bindings = bindingsAllowed(actor, workbenchPolicy, 'read');
  if (!placeId) return bindings[0]!;
  const place = await findPlace(ctx.handle.db, placeId);
  if (!place || !bindings.some((b) => isWithin(place.path, b.placePath))) throw notFound('place');
  return { placeId: place.id, placePath: place.path, placeName: place.name, placeLevel: place.level };
}

/**
 * What a staff user sees first: what waits on them by step, what is overdue or due within a day, today's intake by
 * channel, and this month's three rates with rank, and how many buildings lack a party-member building head. The counts are the work-order list's own (the inbox's `counts`, the
 * overdue tab's total), so that a card and the list it opens agree. Without `placeId` they cover the caller's whole
 * scope, as the inbox does; with it, only that place's subtree.
 */
export async function workbench(ctx: AppContext, actor: Actor, placeId: string | undefined) {
  const place = await workbenchPlace(ctx, actor, placeId);
  const day = currentDay();
  const month = currentMonth();
  const [waiting, overdue, dueSoon, intake] = await Promise.all([
    countWorkOrders(ctx, actor, { placeId, mine: 'true' }),
    countWorkOrders(ctx, actor, { placeId, overdue: 'true' }),
    countWorkOrders(ctx, actor, { placeId, dueSoon: 'true' }),
    countWorkOrdersByChannel(ctx, actor, { placeId, receivedFrom: day, receivedTo: day }),
  ]);
  // A district or a street compares itself with the streets; a community and any place inside it, by its community.
  const level = place.placeLevel === 'district' || place.placeLevel === 'street' ? 'street' : 'community';
  const rows = await ranking(ctx, month, level, place.placePath);
  // Every staff role reads the party posts of its subtree (party/post-policy.ts): one count, no list.
  const lackingHead = await countBuildingsLackingHead(ctx.handle.db, place.placePath);
  return {
    place: { id: place.placeId, name: place.placeName, level: place.placeLevel },
    waiting: { total: waiting.total, counts: waiting.counts ?? {} },
    overdue: overdue.total,
    dueSoon: dueSoon.total,
    today: { day, total: intake.reduce((n, c) => n + c.count, 0), channels: intake },
    party: { buildingsLackingHead: lackingHead },
    rates: {
      month, inProgress: true, level,
      items: rows.map(({ officeId, name, received, responseRate, resolutionRate, satisfactionRate, score, rank }) =>
        ({ officeId, name, received, ranked: rank !== null, rank, score, responseRate, resolutionRate, satisfactionRate })),
    },
  };
}
