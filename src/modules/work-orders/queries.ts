import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../core/db.js';
import { light } from './deadlines.js';
import type { WorkOrderTable } from './tables.js';

export type WorkOrderRow = Selectable<WorkOrderTable>;

/** The masked view every list and detail shows; the reporter's phone and address only through reveal. */
export function toWorkOrder(o: WorkOrderRow, now = new Date()) {
  return {
    id: o.id, placeId: o.place_id, trackingNo: o.tracking_no, externalNo: o.external_no, channel: o.channel, demandType: o.demand_type,
    categoryId: o.category_id, officeId: o.office_id, title: o.title, description: o.description, addressMasked: o.address_masked,
    lat: o.lat, lng: o.lng, reporterName: o.reporter_name, reporterPhoneMasked: o.reporter_phone_masked, state: o.state,
    assignee: o.assignee_kind ? { kind: o.assignee_kind, id: o.assignee_id! } : null, dispatcherId: o.dispatcher_id,
    reopenCount: o.reopen_count, supervised: Boolean(o.supervised), mergedInto: o.merged_into,
    receivedAt: o.received_at, acceptDue: o.accept_due, contactDue: o.contact_due, resolveDue: o.resolve_due,
    acceptedAt: o.accepted_at, firstContactAt: o.first_contact_at, resolvedAt: o.resolved_at, closedAt: o.closed_at,
    result: o.result, rating: o.rating, ratingComment: o.rating_comment,
    light: light(o.received_at, o.resolve_due, o.resolved_at ?? o.closed_at, now),
    version: o.version, createdAt: o.created_at, updatedAt: o.updated_at,
  };
}
export type TWorkOrder = ReturnType<typeof toWorkOrder>;

export async function findWorkOrder(db: DbOrTrx, id: string) {
  return db.selectFrom('work_orders').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findCategory(db: DbOrTrx, id: string) {
  return db.selectFrom('categories').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The community a place belongs to: the third id of its path (district/street/community/…). */
export function officeOf(placePath: string): string | undefined {
  return placePath.split('/').filter(Boolean)[2];
}
