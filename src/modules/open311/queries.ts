import type { DbOrTrx } from '../../core/db.js';
import { maskPersonalText } from '../../core/personal-data.js';
import type { WorkOrderState } from '../../../contracts/work-orders.js';
import { publicPlaceId, splitMedia, STATUS_OF, UPDATE_ACTIONS, UPDATE_TEXT, w3c } from './views.js';

/** At most this many records per GET, and a 90-day window by default, as GeoReport v2 sets them. */
export const MAX_RESULTS = 1000;
export const DEFAULT_WINDOW_MS = 90 * 86400_000;

export async function listServices(db: DbOrTrx) {
  return db.selectFrom('categories').selectAll().where('active', '=', 1).orderBy('group_name').orderBy('name').execute();
}

export async function findService(db: DbOrTrx, code: string) {
  return db.selectFrom('categories').selectAll().where('code', '=', code).where('active', '=', 1).executeTakeFirst();
}

/** The district's communities with their streets: the values of the `community` attribute. */
export async function listCommunities(db: DbOrTrx, districtCode: string) {
  return db.selectFrom('places as c').innerJoin('places as s', 's.id', 'c.parent_id')
    .select(['c.id', 'c.name', 's.name as street']).where('c.level', '=', 'community').where('c.path', 'like', `/${districtCode}/%`)
    .orderBy('s.sort_order').orderBy('c.sort_order').orderBy('c.name').execute();
}

export interface RequestFilter {
  ids?: string[];
  serviceCodes?: string[];
  states?: WorkOrderState[];
  start?: string;
  end?: string;
}

/** Service requests as GeoReport shows them to anyone: no reporter name or phone, the masked address, the compound at most. */
export async function listRequests(db: DbOrTrx, f: RequestFilter) {
  let q = db.selectFrom('work_orders as o')
    .innerJoin('categories as c', 'c.id', 'o.category_id')
    .innerJoin('places as office', 'office.id', 'o.office_id')
    .leftJoin('work_orders as m', 'm.id', 'o.merged_into')
    .select(['o.id', 'o.tracking_no', 'o.state', 'o.result', 'o.description', 'o.place_path', 'o.address_masked', 'o.lat', 'o.lng',
      'o.received_at', 'o.updated_at', 'o.resolve_due', 'c.code', 'c.name', 'office.name as office_name', 'm.tracking_no as merged_tracking_no']);
  if (f.ids) q = q.where('o.tracking_no', 'in', f.ids);
  if (f.serviceCodes) q = q.where('c.code', 'in', f.serviceCodes);
  if (f.states) q = q.where('o.state', 'in', f.states);
  if (f.start) q = q.where('o.received_at', '>=', f.start);
  if (f.end) q = q.where('o.received_at', '<=', f.end);
  const rows = await q.orderBy('o.received_at', 'desc').orderBy('o.id', 'desc').limit(MAX_RESULTS).execute();
  return rows.map((o) => {
    const status = STATUS_OF[o.state];
    const { description, mediaUrl } = splitMedia(o.description);
    const notes = maskPersonalText(status === 'closed' ? (o.result ?? (o.merged_tracking_no ? `已并入工单 ${o.merged_tracking_no}` : '')) : '');
    return {
      service_request_id: o.tracking_no, status, status_notes: notes, service_name: o.name, service_code: o.code, description: maskPersonalText(description),
      agency_responsible: o.office_name, service_notice: '', requested_datetime: w3c(o.received_at), updated_datetime: w3c(o.updated_at),
      expected_datetime: w3c(o.resolve_due), address: o.address_masked ?? '', address_id: publicPlaceId(o.place_path), zipcode: '',
      lat: o.lat, long: o.lng, media_url: mediaUrl,
    };
  });
}
export type Open311Request = Awaited<ReturnType<typeof listRequests>>[number];

export async function findOrderByTrackingNo(db: DbOrTrx, trackingNo: string) {
  return db.selectFrom('work_orders').selectAll().where('tracking_no', '=', trackingNo).executeTakeFirst();
}

type EventRow = { id: number; at: string; action: string; to_state: string | null; reason: string | null; tracking_no: string; state: WorkOrderState };

/** One event of a work order as a GeoReport update: the status after it and what the step says in public. */
export function toUpdate(e: EventRow) {
  const to = (e.to_state ? JSON.parse(e.to_state) : {}) as Record<string, unknown>;
  const state = (typeof to.state === 'string' ? to.state : e.state) as WorkOrderState;
  const { description, mediaUrl } = splitMedia(UPDATE_TEXT[e.action]?.(to, e.reason) ?? '');
  return {
    update_id: String(e.id), service_request_id: e.tracking_no, status: STATUS_OF[state] ?? 'open',
    updated_datetime: w3c(e.at), description: maskPersonalText(description), media_url: mediaUrl,
  };
}

/** The work orders' steps and comments in a time window, oldest first. */
export async function listUpdates(db: DbOrTrx, f: { start: string; end: string; eventId?: number }) {
  let q = db.selectFrom('events as e').innerJoin('work_orders as o', 'o.id', 'e.entity_id')
    .select(['e.id', 'e.at', 'e.action', 'e.to_state', 'e.reason', 'o.tracking_no', 'o.state'])
    .where('e.entity_type', '=', 'work_order').where('e.action', 'in', UPDATE_ACTIONS);
  q = f.eventId !== undefined ? q.where('e.id', '=', f.eventId) : q.where('e.at', '>=', f.start).where('e.at', '<=', f.end);
  const rows = await q.orderBy('e.id').limit(MAX_RESULTS).execute();
  return rows.map((e) => toUpdate({ ...e, id: Number(e.id) }));
}
