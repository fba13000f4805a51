import type { Actor } from '../../core/access/actor.js';
import { allowedWhere, can } from '../../core/access/policy.js';
import { OFFICE_ROLES } from '../../core/access/roles.js';
import { bindingsOf, inSubtrees, isInScope } from '../../core/access/scope.js';
import type { AppContext } from '../../core/context.js';
import { forbidden, invalid, notFound } from '../../core/errors.js';
import { appendEvent } from '../../core/events.js';
import { newId, nowIso } from '../../core/ids.js';
import { availableActions } from '../../core/lifecycle/engine.js';
import { currentMonth } from '../../../contracts/months.js';
import type { ResourceState, TCreateResource, ThreeListCategory } from '../../../contracts/three-lists.js';
import { findPlace, findPlaceInScope } from '../places/index.js';
import { findUnit, isUnitVisibleTo } from '../units/index.js';
import { resourceLifecycle, resourcePolicy, resourceReadPolicy, toResource, type ResourceRow } from './lifecycle.js';
import { threeListsMsg } from './messages.js';

const record = (r: ResourceRow) => ({ id: r.id, version: r.version, placeId: r.place_id, placePath: r.place_path, state: r.state, row: r });

/**
 * A unit's contact submits a resource of their unit on a place of their binding; an office submits one for a partner unit
 * it sees, on a place of its subtree. The area served is a street, community, grid or compound.
 */
export async function createResource(ctx: AppContext, actor: Actor, input: TCreateResource) {
  const db = ctx.handle.db;
  const place = await findPlaceInScope(db, actor, input.placeId);
  if (!['street', 'community', 'grid', 'compound'].includes(place.level)) throw invalid('placeId', threeListsMsg.placeLevel, 'place_level');
  const office = bindingsOf(actor, OFFICE_ROLES).some((b) => isInScope({ bindings: [b] }, place.path));
  if (!office && !can(actor, resourcePolicy, 'create', place.path, {})) throw forbidden();
  const unitId = office ? input.unitId : actor.unitId;
  if (!unitId) throw invalid('unitId', threeListsMsg.unitRequired, 'required');
  const unit = await findUnit(db, unitId);
  if (!unit || unit.kind !== 'partner_unit' || (office && !isUnitVisibleTo(actor, unit))) throw invalid('unitId', threeListsMsg.notPartner);
  const now = nowIso();
  const row: ResourceRow = { id: newId(), unit_id: unit.id, title: input.title, description: input.description, category: input.category, capacity: input.capacity,
    remaining: input.capacity, period_of: currentMonth(), place_id: place.id, place_path: place.path,
    schedule: input.schedule || null, conditions: input.conditions || null, state: 'submitted', reject_reason: null, version: 1, created_at: now, updated_at: now };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('resources').values(row).execute();
    await appendEvent(trx, actor, { entityType: 'resource', entityId: row.id, placeId: place.id, action: 'submit',
      to: { state: 'submitted', unitId: unit.id, category: row.category, capacity: row.capacity } }, now);
  });
  return { ...toResource(row), unitName: unit.name, placeName: place.name, actions: availableActions(resourceLifecycle, actor, record(row)) };
}

const listQuery = (ctx: AppContext) => ctx.handle.db.selectFrom('resources').innerJoin('units as u', 'u.id', 'resources.unit_id').innerJoin('places as p', 'p.id', 'resources.place_id')
  .selectAll('resources').select(['u.name as unit_name', 'p.name as place_name']);

/** The resources the caller sees (staff: their subtree; a contact: their unit's), by state, category and unit. */
export async function listResources(ctx: AppContext, actor: Actor, q: { placeId?: string; state?: ResourceState; category?: ThreeListCategory; unitId?: string; limit: number; offset: number }) {
  let query = listQuery(ctx).where((eb) => allowedWhere(eb, actor, resourceReadPolicy, 'read', 'resources.place_path'));
  if (q.placeId) {
    const place = await findPlaceInScope(ctx.handle.db, actor, q.placeId);
    query = query.where((eb) => inSubtrees(eb, 'resources.place_path', [place.path]));
  }
  if (q.state) query = query.where('resources.state', '=', q.state);
  if (q.category) query = query.where('resources.category', '=', q.category);
  if (q.unitId) query = query.where('resources.unit_id', '=', q.unitId);
  const month = currentMonth();
  const [rows, total] = await Promise.all([
    query.orderBy('resources.created_at', 'desc').orderBy('resources.id', 'desc').limit(q.limit).offset(q.offset).execute(),
    query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({ ...toResource(r, month), unitName: r.unit_name, placeName: r.place_name, actions: availableActions(resourceLifecycle, actor, record(r)) })),
    total: Number(total.n),
  };
}

export async function resourceDetail(ctx: AppContext, actor: Actor, id: string) {
  const r = await listQuery(ctx).where('resources.id', '=', id).executeTakeFirst();
  if (!r || !resourceLifecycle.visible(actor, record(r))) throw notFound('resource');
  return { ...toResource(r), unitName: r.unit_name, placeName: r.place_name, actions: availableActions(resourceLifecycle, actor, record(r)) };
}
