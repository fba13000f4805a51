import type { DbOrTrx } from '../../core/db.js';
import { maskPersonalText } from '../../core/personal-data.js';
import type { WorkOrderState } from '../../../contracts/work-orders.js';
import { findActiveCategoryByCode, findCategories, findCategoriesByCodes, listActiveCategories } from '../demand-categories/index.js';
import { findPlaces, listCommunitiesWithStreets } from '../places/index.js';
import { findAttachmentById, firstAttachments } from '../attachments/index.js';
import { findWorkOrderByTrackingNo, findWorkOrdersByIds, listWorkOrders } from '../work-orders/index.js';
import { EXTENDED_STATUS_OF, publicPlaceId, splitMedia, STATUS_OF, UPDATE_ACTIONS, UPDATE_TEXT, w3c } from './views.js';
import { open311Msg } from './messages.js';
import { msg } from '../../core/i18n.js';

/** At most this many records per GET, and a 90-day window by default, as GeoReport v2 sets them. */
export const MAX_RESULTS = 1000;
export const DEFAULT_WINDOW_MS = 90 * 86400_000;

export const listServices = listActiveCategories;
export const findService = findActiveCategoryByCode;

/** The district's communities with their streets, or those under `within` (a key's place): the values of the `community` attribute. */
export const listCommunities = (db: DbOrTrx, districtCode: string, within?: string) => listCommunitiesWithStreets(db, within ?? `/${districtCode}/`);

export interface RequestFilter {
  ids?: string[];
  serviceCodes?: string[];
  states?: WorkOrderState[];
  start?: string;
  end?: string;
}

/**
 * Service requests as GeoReport shows them to anyone: no reporter name or phone, the masked address, the compound at most.
 * `media_url` is the client's own link, or the photo uploaded with the request, served under `mediaBase`.
 */
export async function listRequests(db: DbOrTrx, f: RequestFilter, mediaBase: string) {
  const categoryIds = f.serviceCodes ? (await findCategoriesByCodes(db, f.serviceCodes)).map((c) => c.id) : undefined;
  if (categoryIds?.length === 0) return [];
  const orders = await listWorkOrders(db, { trackingNos: f.ids, categoryIds, states: f.states, receivedFrom: f.start, receivedTo: f.end, limit: MAX_RESULTS });
  const [categories, offices, merged, photos] = await Promise.all([
    findCategories(db, orders.map((o) => o.category_id)),
    findPlaces(db, orders.map((o) => o.office_id)),
    findWorkOrdersByIds(db, orders.flatMap((o) => (o.merged_into ? [o.merged_into] : []))),
    firstAttachments(db, 'work_order', orders.filter((o) => o.channel === 'open311').map((o) => o.id), PUBLIC_PHOTO_STAGE),
  ]);
  const category = new Map(categories.map((c) => [c.id, c]));
  const officeName = new Map(offices.map((p) => [p.id, p.name]));
  const mergedNo = new Map(merged.map((m) => [m.id, m.tracking_no]));
  return orders.map((o) => {
    const status = STATUS_OF[o.state];
    const { description, mediaUrl: linked } = splitMedia(o.description);
    const photo = photos.get(o.id);
    const mediaUrl = linked || (photo ? `${mediaBase}/media/${photo.id}.${photo.file.split('.').pop()}` : '');
    const mergedInto = o.merged_into ? mergedNo.get(o.merged_into) : undefined;
    const notes = maskPersonalText(status === 'closed' ? (o.result ?? (mergedInto ? msg(open311Msg.merged, { trackingNo: mergedInto }).zh : '')) : '');
    const c = category.get(o.category_id);
    return {
      service_request_id: o.tracking_no, status, status_notes: notes, service_name: c?.name, service_code: c?.code, description: maskPersonalText(description),
      agency_responsible: officeName.get(o.office_id), service_notice: '', requested_datetime: w3c(o.received_at), updated_datetime: w3c(o.updated_at),
      expected_datetime: w3c(o.resolve_due), address: o.address_masked ?? '', address_id: publicPlaceId(o.place_path), zipcode: '',
      lat: o.lat, long: o.lng, media_url: mediaUrl,
    };
  });
}
export type Open311Request = Awaited<ReturnType<typeof listRequests>>[number];

export const findOrderByTrackingNo = findWorkOrderByTrackingNo;

/** Photos a GeoReport client uploaded with its request are public, as the client's own media_url links are; no other. */
export const PUBLIC_PHOTO_STAGE = 'report';
export async function findPublicPhoto(db: DbOrTrx, id: string) {
  const photo = await findAttachmentById(db, id);
  if (!photo || photo.entity_type !== 'work_order' || photo.stage !== PUBLIC_PHOTO_STAGE) return undefined;
  const [order] = await findWorkOrdersByIds(db, [photo.entity_id]);
  return order?.channel === 'open311' ? photo : undefined;
}

type EventRow = { id: number; at: string; action: string; to_state: string | null; reason: string | null; tracking_no: string; state: WorkOrderState };

/**
 * One event of a work order as a GeoReport update: the status after it (the extended one FixMyStreet understands, with
 * our own state as `external_status_code`) and what the step says in public.
 */
export function toUpdate(e: EventRow) {
  const to = (e.to_state ? JSON.parse(e.to_state) : {}) as Record<string, unknown>;
  const state = (typeof to.state === 'string' && to.state in STATUS_OF ? to.state : e.state) as WorkOrderState;
  const { description, mediaUrl } = splitMedia(UPDATE_TEXT[e.action]?.(to, e.reason) ?? '');
  return {
    update_id: String(e.id), service_request_id: e.tracking_no, status: EXTENDED_STATUS_OF[state], external_status_code: state,
    updated_datetime: w3c(e.at), description: maskPersonalText(description), media_url: mediaUrl,
  };
}

/** Which updates: one event (the answer to a client's own update), a time window page by page, or the newest. */
export type UpdatesQuery = { eventId: number } | { start: string; end: string; page: number } | { newest: true };

/**
 * The work orders' steps and comments, oldest first: in a time window MAX_RESULTS per page, with `more` when a next
 * page holds the rest of the window; without a window the newest MAX_RESULTS.
 */
export async function listUpdates(db: DbOrTrx, f: UpdatesQuery) {
  let q = db.selectFrom('events as e').select(['e.id', 'e.at', 'e.action', 'e.to_state', 'e.reason', 'e.entity_id'])
    .where('e.entity_type', '=', 'work_order').where('e.action', 'in', UPDATE_ACTIONS);
  if ('eventId' in f) q = q.where('e.id', '=', f.eventId);
  else if ('start' in f) q = q.where('e.at', '>=', f.start).where('e.at', '<=', f.end).orderBy('e.id').offset((f.page - 1) * MAX_RESULTS);
  else q = q.orderBy('e.id', 'desc');
  const found = await q.limit(MAX_RESULTS + 1).execute();
  const more = found.length > MAX_RESULTS;
  const rows = found.slice(0, MAX_RESULTS);
  if ('newest' in f) rows.reverse();
  const orders = new Map((await findWorkOrdersByIds(db, rows.map((e) => e.entity_id))).map((o) => [o.id, o]));
  const updates = rows.filter((e) => orders.has(e.entity_id)).map((e) => {
    const o = orders.get(e.entity_id)!;
    return toUpdate({ ...e, id: Number(e.id), tracking_no: o.tracking_no, state: o.state });
  });
  return { updates, more: more && 'start' in f };
}
