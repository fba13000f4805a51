import type { FastifyReply } from 'fastify';
import type { Actor } from '../../core/access/actor.js';
import { allowedWhere, authorize, can } from '../../core/access/policy.js';
import { bindingsOf, inSubtrees, isInScope } from '../../core/access/scope.js';
import type { AppContext } from '../../core/context.js';
import { conflict, forbidden, invalid, notFound } from '../../core/errors.js';
import { isUniqueViolation } from '../../core/db.js';
import { appendEvent } from '../../core/events.js';
import { msg } from '../../core/i18n.js';
import { newId, nowIso } from '../../core/ids.js';
import { availableActions } from '../../core/lifecycle/engine.js';
import type { Caller } from '../../core/lifecycle/types.js';
import { currentMonth } from '../../../contracts/months.js';
import { THREE_LIST_CATEGORY_LABELS, type NeedChannel, type NeedState, type TNeedFromWorkOrder, type TReportNeed, type TSuggestion, type ThreeListCategory } from '../../../contracts/three-lists.js';
import { findAttachment, listAttachments, saveAttachments, sendAttachment, uploadRoot, withAttachmentFiles, type CheckedPhoto } from '../attachments/index.js';
import { memberNames } from '../party/index.js';
import { findPlace, findPlaceInScope } from '../places/index.js';
import type { ResidentCaller } from '../resident-h5/index.js';
import { findVisibleWorkOrder } from '../work-orders/index.js';
import { needLifecycle, needPolicy, needReadPolicy, needRecord, needVisible, loadNeed, toNeed, type NeedRow } from './lifecycle.js';
import { threeListsMsg } from './messages.js';

const BELOW_COMMUNITY = ['community', 'grid', 'compound', 'building', 'household'];

async function needPlace(ctx: AppContext, placeId: string, levels = BELOW_COMMUNITY) {
  const place = await findPlace(ctx.handle.db, placeId);
  if (!place) throw notFound('place');
  return { place, ok: levels.includes(place.level) };
}

/** The need, its `report` event and its photos (stage `report`, an `add_photos` event) in one transaction: all or nothing. */
async function insertNeed(ctx: AppContext, caller: Caller, row: NeedRow, photos: CheckedPhoto[]) {
  await withAttachmentFiles((staged) => ctx.handle.db.transaction().execute(async (trx) => {
    await trx.insertInto('needs').values(row).execute();
    await appendEvent(trx, caller, { entityType: 'need', entityId: row.id, placeId: row.place_id, action: 'report',
      to: { state: 'reported', category: row.category, channel: row.channel } }, row.created_at);
    await saveAttachments(trx, uploadRoot(ctx.config), { entityType: 'need', entityId: row.id, placeId: row.place_id, placePath: row.place_path },
      'report', photos, caller, staged);
  }));
}

const newNeed = (input: TReportNeed, place: { id: string; path: string }, channel: NeedChannel, who: { userId?: string; phoneIndex?: string }, now: string): NeedRow => ({
  id: newId(), title: input.title, description: input.description, category: input.category, urgency: input.urgency, beneficiary: input.beneficiary || null,
  place_id: place.id, place_path: place.path, channel, reporter_user_id: who.userId ?? null, reporter_phone_index: who.phoneIndex ?? null, work_order_id: null,
  state: 'reported', reject_reason: null, merged_into: null, unit_id: null, resource_id: null, member_id: null, member_user_id: null, decline_reason: null, delivery_note: null, rating: null,
  rating_comment: null, dispatched_at: null, taken_at: null, delivered_at: null, rated_at: null, version: 1, created_at: now, updated_at: now,
});

/** Staff and building heads report a need on a place of their subtree (a community or below), with up to 6 photos; one `report` event. */
export async function reportNeed(ctx: AppContext, actor: Actor, input: TReportNeed, photos: CheckedPhoto[] = []) {
  const { place, ok } = await needPlace(ctx, input.placeId);
  authorize(actor, needPolicy, 'report', place.path, {}, 'place');
  if (!ok) throw invalid('placeId', threeListsMsg.placeLevel, 'place_level');
  const role = bindingsOf(actor, ['building_head', 'grid_worker']).find((b) => isInScope({ bindings: [b] }, place.path))?.role;
  const row = newNeed(input, place, role === 'building_head' ? 'building_head' : role === 'grid_worker' ? 'grid_worker' : 'staff', { userId: actor.userId }, nowIso());
  await insertNeed(ctx, actor, row, photos);
  return { ...toNeed(row), actions: availableActions(needLifecycle, actor, needRecord(row)) };
}

/**
 * An office turns a work order it sees into a need (channel `work_order`, the order's title, description and place), at
 * most once per order (409); the need names the order and the order's timeline gets a `to_need` event naming the need.
 */
export async function needFromWorkOrder(ctx: AppContext, actor: Actor, input: TNeedFromWorkOrder) {
  const order = await findVisibleWorkOrder(ctx, actor, input.workOrderId);
  authorize(actor, needPolicy, 'suggest', order.placePath, {}, 'work order');
  const { place, ok } = await needPlace(ctx, order.placeId);
  if (!ok) throw invalid('workOrderId', threeListsMsg.placeLevel, 'place_level');
  const now = nowIso();
  const row: NeedRow = { ...newNeed({ title: order.row.title.slice(0, 60), description: order.row.description || order.row.title, category: input.category, urgency: input.urgency,
    placeId: place.id }, place, 'work_order', { userId: actor.userId }, now), work_order_id: order.id };
  try {
    await ctx.handle.db.transaction().execute(async (trx) => {
      await trx.insertInto('needs').values(row).execute();
      await appendEvent(trx, actor, { entityType: 'need', entityId: row.id, placeId: row.place_id, action: 'report',
        to: { state: 'reported', category: row.category, channel: row.channel, workOrderId: order.id } }, now);
      await appendEvent(trx, actor, { entityType: 'work_order', entityId: order.id, placeId: order.placeId, action: 'to_need', to: { needId: row.id } }, now);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('workOrderId', threeListsMsg.alreadyNeed, 'duplicate');
    throw e;
  }
  return { ...toNeed(row), actions: availableActions(needLifecycle, actor, needRecord(row)) };
}

/** A resident reports a need from the phone page on their compound, building or household, with up to 6 photos. */
export async function reportResidentNeed(ctx: AppContext, resident: ResidentCaller, input: TReportNeed, photos: CheckedPhoto[] = []) {
  const { place, ok } = await needPlace(ctx, input.placeId, ['compound', 'building', 'household']);
  if (!ok) throw invalid('placeId', threeListsMsg.placeLevel, 'place_level');
  const row = newNeed(input, place, 'h5', { phoneIndex: resident.phoneIndex }, nowIso());
  await insertNeed(ctx, resident, row, photos);
  return { id: row.id, state: row.state };
}

const listQuery = (ctx: AppContext) => ctx.handle.db.selectFrom('needs').innerJoin('places as p', 'p.id', 'needs.place_id')
  .leftJoin('units as u', 'u.id', 'needs.unit_id').leftJoin('resources as r', 'r.id', 'needs.resource_id')
  .selectAll('needs').select(['p.name as place_name', 'u.name as unit_name', 'r.title as resource_title']);

type ListRow = NeedRow & { place_name: string; unit_name: string | null; resource_title: string | null };
const listView = (caller: Caller, r: ListRow, members: Map<string, string>) => ({
  ...toNeed(r), placeName: r.place_name, unitName: r.unit_name, resourceTitle: r.resource_title, memberName: r.member_id ? (members.get(r.member_id) ?? null) : null,
  actions: availableActions(needLifecycle, caller, needRecord(r)),
});
/** The names of the party members the rows are dispatched to (read through the party module). */
const namesOf = (ctx: AppContext, rows: readonly NeedRow[]) => memberNames(ctx.handle.db, rows.flatMap((r) => (r.member_id ? [r.member_id] : [])));

/** The needs the caller sees (staff: their subtree; a contact: dispatched to their unit; a building head: his own), newest first. */
export async function listNeeds(ctx: AppContext, actor: Actor, q: { placeId?: string; state?: NeedState; category?: ThreeListCategory; workOrderId?: string; limit: number; offset: number }) {
  let query = listQuery(ctx).where((eb) => allowedWhere(eb, actor, needReadPolicy, 'read', 'needs.place_path'));
  if (q.placeId) {
    const place = await findPlaceInScope(ctx.handle.db, actor, q.placeId);
    query = query.where((eb) => inSubtrees(eb, 'needs.place_path', [place.path]));
  }
  if (q.state) query = query.where('needs.state', '=', q.state);
  if (q.category) query = query.where('needs.category', '=', q.category);
  if (q.workOrderId) query = query.where('needs.work_order_id', '=', q.workOrderId);
  const [rows, total] = await Promise.all([
    query.orderBy('needs.created_at', 'desc').orderBy('needs.id', 'desc').limit(q.limit).offset(q.offset).execute(),
    query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const members = await namesOf(ctx, rows);
  return { items: rows.map((r) => listView(actor, r, members)), total: Number(total.n) };
}

/** One need with its names, photos, timeline and the caller's next steps (404 outside what the caller sees). */
export async function needDetail(ctx: AppContext, caller: Caller, id: string) {
  const row = await listQuery(ctx).where('needs.id', '=', id).executeTakeFirst();
  if (!row || !needVisible(caller, needRecord(row))) throw notFound('need');
  const [photos, events, members] = await Promise.all([
    listAttachments(ctx.handle.db, 'need', id),
    ctx.handle.db.selectFrom('events').select(['id', 'action', 'at', 'actor_name', 'reason']).where('entity_type', '=', 'need').where('entity_id', '=', id).orderBy('id').execute(),
    namesOf(ctx, [row]),
  ]);
  const staff = 'sessionId' in caller;
  return {
    ...listView(caller, row, members), photos: photos.map((p) => ({ id: p.id, stage: p.stage, mime: p.mime })),
    // A resident reads who acted as a role, not a name.
    events: events.map((e) => ({ id: e.id, action: e.action, at: e.at, actorName: staff ? e.actor_name : null, reason: e.reason })),
    maySuggest: staff && can(caller as Actor, needPolicy, 'suggest', row.place_path, {}),
  };
}

export async function sendNeedPhoto(ctx: AppContext, caller: Caller, id: string, fileId: string, reply: FastifyReply) {
  const need = await loadNeed(ctx.handle.db, id);
  if (!need || !needVisible(caller, need)) throw notFound('need');
  return sendAttachment(reply, uploadRoot(ctx.config), await findAttachment(ctx.handle.db, 'need', id, fileId), 'attachment');
}

/** The resident's own needs (by phone), newest first. */
export async function listResidentNeeds(ctx: AppContext, resident: ResidentCaller) {
  const rows = await listQuery(ctx).where('needs.reporter_phone_index', '=', resident.phoneIndex).orderBy('needs.created_at', 'desc').orderBy('needs.id', 'desc').limit(50).execute();
  const members = await namesOf(ctx, rows);
  return { items: rows.map((r) => listView(resident, r, members)) };
}

/** The need, if an office over it asks (404 outside what the caller sees, 403 for who may not dispatch it). */
export async function needForOffice(ctx: AppContext, actor: Actor, id: string) {
  const need = await loadNeed(ctx.handle.db, id);
  if (!need || !needVisible(actor, need)) throw notFound('need');
  if (!can(actor, needPolicy, 'suggest', need.placePath, {})) throw forbidden();
  return need;
}

export const communityPath = (placePath: string) => `/${placePath.split('/').filter(Boolean).slice(0, 3).join('/')}/`;

export const depthOf = (path: string) => path.split('/').filter(Boolean).length;
export const commonDepth = (a: string, b: string) => {
  const x = a.split('/').filter(Boolean), y = b.split('/').filter(Boolean);
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i;
};

/**
 * The published resources serving the need's community (inside it, or serving the whole street above it) ranked for it:
 * category fit (50), the nearest place both lie in (same compound 40 > grid 30 > community 20 > street 5), this month's
 * remaining capacity (up to 10; none left −20) and past ratings ((average − 3) × 2.5). Each carries its reasons in that order. Offices over the need only (403 inside, 404 outside).
 */
export async function suggestResources(ctx: AppContext, actor: Actor, id: string): Promise<{ items: TSuggestion[] }> {
  const need = await needForOffice(ctx, actor, id);
  const ids = need.placePath.split('/').filter(Boolean);
  // What serves the need's community: resources inside it, and those serving the whole street (or district) above it.
  const community = communityPath(need.placePath);
  const above = [`/${ids.slice(0, 1).join('/')}/`, `/${ids.slice(0, 2).join('/')}/`];
  const db = ctx.handle.db;
  const rows = await db.selectFrom('resources as r').innerJoin('units as u', 'u.id', 'r.unit_id').innerJoin('places as p', 'p.id', 'r.place_id')
    .select(['r.id', 'r.title', 'r.category', 'r.schedule', 'r.conditions', 'r.capacity', 'r.remaining', 'r.period_of', 'r.place_path', 'r.unit_id', 'u.name as unit_name', 'p.name as place_name'])
    .where('r.state', '=', 'published').where((eb) => eb.or([inSubtrees(eb, 'r.place_path', [community]), eb('r.place_path', 'in', above)])).limit(1000).execute();
  const ratings = rows.length ? await db.selectFrom('needs').select(['resource_id', (eb) => eb.fn.avg<number>('rating').as('avg'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('state', '=', 'rated').where('resource_id', 'in', rows.map((r) => r.id)).groupBy('resource_id').execute() : [];
  const byResource = new Map(ratings.map((r) => [r.resource_id, { avg: Number(r.avg), n: Number(r.n) }]));
  const month = currentMonth();
  const items = rows.map((r): TSuggestion => {
    const reasons: { zh: string; en: string }[] = [];
    let score = 0;
    const category = THREE_LIST_CATEGORY_LABELS[r.category];
    if (r.category === need.row.category) { score += 50; reasons.push(msg(threeListsMsg.sameCategory, { category })); }
    else reasons.push(msg(threeListsMsg.otherCategory, { category }));
    const depth = Math.min(commonDepth(need.placePath, r.place_path), depthOf(r.place_path));
    const place = r.place_name;
    if (depth >= 5) { score += 40; reasons.push(msg(threeListsMsg.sameCompound, { place })); }
    else if (depth === 4) { score += 30; reasons.push(msg(threeListsMsg.sameGrid, { place })); }
    else if (depth === 3) { score += 20; reasons.push(msg(threeListsMsg.sameCommunity, { place })); }
    else { score += 5; reasons.push(msg(threeListsMsg.sameStreet, { place })); }
    const remaining = r.period_of === month ? r.remaining : r.capacity;
    if (remaining > 0) { score += Math.round((10 * remaining) / r.capacity); reasons.push(msg(threeListsMsg.remaining, { n: remaining, capacity: r.capacity })); }
    else { score -= 20; reasons.push(msg(threeListsMsg.noneLeft)); }
    const rated = byResource.get(r.id);
    if (rated) {
      score += Math.round((rated.avg - 3) * 2.5);
      reasons.push(msg(threeListsMsg.rated, { n: rated.n, avg: rated.avg.toFixed(1) }));
    } else reasons.push(msg(threeListsMsg.unrated));
    return { resourceId: r.id, title: r.title, unitId: r.unit_id, unitName: r.unit_name, category: r.category, placeName: r.place_name, schedule: r.schedule, conditions: r.conditions, remaining, capacity: r.capacity,
      rating: rated ? Math.round(rated.avg * 10) / 10 : null, ratings: rated?.n ?? 0, score, reasons };
  });
  items.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title) || a.resourceId.localeCompare(b.resourceId));
  return { items: items.slice(0, 10) };
}
