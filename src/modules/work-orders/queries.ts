import type { Selectable } from 'kysely';
import { dialectOf, type DbOrTrx, type Trx } from '../../core/db.js';
import { maskPersonalText } from '../../core/personal-data.js';
import { listAttachments, type AttachmentOwner } from '../attachments/index.js';
import { light } from './deadlines.js';
import { URGENCIES, type Urgency } from './state.js';
import type { PeopleColumns } from './names.js';
import type { WorkOrderTable } from './tables.js';

export type WorkOrderRow = Selectable<WorkOrderTable>;

/** Orders out of the loop: they carry no light. */
const SETTLED: readonly string[] = ['closed', 'rejected', 'merged'];

/** Each deadline of an order (accept, first contact, resolve), when it was met, and its light while the order is open. */
function deadlines(o: WorkOrderRow, now: Date) {
  const open = !SETTLED.includes(o.state);
  const one = (start: string, due: string | null, doneAt: string | null) => ({ due, doneAt, light: open ? light(start, due, doneAt, now) : null });
  return {
    accept: one(o.received_at, o.accept_due, o.accepted_at),
    contact: one(o.accepted_at ?? o.received_at, o.contact_due, o.first_contact_at),
    resolve: one(o.received_at, o.resolve_due, o.resolved_at),
  };
}

/** An order's urgency by name (stored as its index). */
export const urgencyOf = (o: Pick<WorkOrderRow, 'urgency'>): Urgency => URGENCIES[o.urgency] ?? 'normal';

/** The free text of an order that residents and staff type, by the name the answer gives it and the column it is kept in. */
export const TYPED_TEXTS = { title: 'title', description: 'description', result: 'result', ratingComment: 'rating_comment' } as const;
export type TypedText = keyof typeof TYPED_TEXTS;

/** Each typed text with its phone and ID numbers masked, and which of them the mask changed (those that may be revealed). */
function typedTexts(o: WorkOrderRow) {
  const orNull = (text: string | null) => (text === null ? null : maskPersonalText(text));
  const shown = { title: maskPersonalText(o.title), description: maskPersonalText(o.description), result: orNull(o.result), ratingComment: orNull(o.rating_comment) };
  const maskedTexts = (Object.keys(TYPED_TEXTS) as TypedText[]).filter((f) => shown[f] !== o[TYPED_TEXTS[f]]);
  return { ...shown, maskedTexts };
}

/**
 * The masked view every list, detail, step answer and export shows; the reporter's phone and address only through reveal,
 * and so the phone and ID numbers typed into the title, description, result or rating comment (`maskedTexts` names those).
 * A confidential order shows neither the reporter's name nor the masked phone to anyone (the UI reads 保密): only the
 * office over it reveals them, one at a time and audited.
 */
export function toWorkOrder(o: WorkOrderRow & PeopleColumns, now = new Date()) {
  return {
    id: o.id, placeId: o.place_id, trackingNo: o.tracking_no, externalNo: o.external_no, channel: o.channel, demandType: o.demand_type,
    categoryId: o.category_id, officeId: o.office_id, addressMasked: o.address_masked,
    lat: o.lat, lng: o.lng, confidential: Boolean(o.confidential), urgency: urgencyOf(o),
    reporterName: o.confidential ? null : o.reporter_name, reporterPhoneMasked: o.confidential ? null : o.reporter_phone_masked, state: o.state,
    assignee: o.assignee_kind ? { kind: o.assignee_kind, id: o.assignee_id!, name: o.holder_name ?? null, role: o.holder_role ?? null } : null,
    dispatcherId: o.dispatcher_id, dispatcherName: o.dispatcher_name ?? null,
    reopenCount: o.reopen_count, supervised: Boolean(o.supervised), mergedInto: o.merged_into,
    receivedAt: o.received_at, acceptDue: o.accept_due, contactDue: o.contact_due, resolveDue: o.resolve_due,
    acceptedAt: o.accepted_at, firstContactAt: o.first_contact_at, resolvedAt: o.resolved_at, closedAt: o.closed_at,
    rating: o.rating, ...typedTexts(o),
    light: SETTLED.includes(o.state) ? null : light(o.received_at, o.resolve_due, o.resolved_at ?? o.closed_at, now),
    deadlines: deadlines(o, now),
    version: o.version, createdAt: o.created_at, updatedAt: o.updated_at,
  };
}
export type TWorkOrder = ReturnType<typeof toWorkOrder>;

export async function findWorkOrder(db: DbOrTrx, id: string) {
  return db.selectFrom('work_orders').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The order, locked until the transaction ends: on PostgreSQL `select … for update`, so a second writer waits and then
 * reads what the first committed; SQLite runs one transaction at a time on its one connection, and a write locks the file.
 */
export async function lockWorkOrder(trx: Trx, id: string): Promise<WorkOrderRow> {
  const q = trx.selectFrom('work_orders').selectAll().where('id', '=', id);
  return (dialectOf(trx) === 'postgres' ? q.forUpdate() : q).executeTakeFirstOrThrow();
}

/** A work order as the owner of its photos (attachments): files under `work-orders/<id>/`, re-pathed with the order's place. */
export const orderAttachmentOwner = (o: Pick<WorkOrderRow, 'id' | 'place_id' | 'place_path'>): AttachmentOwner =>
  ({ entityType: 'work_order', entityId: o.id, placeId: o.place_id, placePath: o.place_path });

/** The photos of an order, oldest first, as the detail pages list them. */
export async function orderPhotos(db: DbOrTrx, orderId: string) {
  return (await listAttachments(db, 'work_order', orderId)).map((p) => ({ id: p.id, stage: p.stage, mime: p.mime, size: p.size }));
}

// The steps look categories up here; they belong to the demand-categories module.
export { findCategory } from '../demand-categories/index.js';

/** The community a place belongs to: the third id of its path (district/street/community/…). */
export function officeOf(placePath: string): string | undefined {
  return placePath.split('/').filter(Boolean)[2];
}
