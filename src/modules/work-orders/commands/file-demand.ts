import { randomBytes } from 'node:crypto';
import type { Actor } from '../../../core/access/actor.js';
import type { Role } from '../../../core/access/roles.js';
import { assertInScope, bindingsOver } from '../../../core/access/scope.js';
import type { AppContext } from '../../../core/context.js';
import { isUniqueViolation, type Trx } from '../../../core/db.js';
import { conflict, forbidden, invalid, notFound } from '../../../core/errors.js';
import { appendEvent, type EventActor } from '../../../core/events.js';
import { newId } from '../../../core/ids.js';
import { mask } from '../../../core/personal-data.js';
import { URGENCIES } from '../state.js';
import { reporterColumns } from '../confidential.js';
import { findPlace } from '../../places/index.js';
import { addWorkingDays, DEFAULT_DAYS, loadCalendar, resolveDays } from '../deadlines.js';
import { findCategory, officeOf, toWorkOrder, type WorkOrderRow } from '../queries.js';
import type { TFileDemand } from '../schema.js';
import type { Channel } from '../state.js';
import { workOrderMsg } from '../messages.js';
import { receivedAtBounds, receivedAtProblem } from '../received-at.js';

/** Which staff roles enter a demand from which channel (residents use H5, systems the 12345 push or Open311). */
export const CHANNEL_ROLES: Record<Channel, readonly Role[]> = {
  hotline_12345: ['district_admin', 'street_staff'],
  h5: [],
  mailbox: ['building_head', 'community_worker'],
  grid_patrol: ['grid_worker'],
  wechat_group: ['community_worker', 'street_staff'],
  walk_in: ['community_worker', 'street_staff'],
  open311: [],
};

/** The platform's own time limit counts when it is earlier than ours (ISO instants, compared as instants). */
const earlier = (ours: string, theirs: string | undefined) => (theirs && new Date(theirs) < new Date(ours) ? new Date(theirs).toISOString() : ours);

export function trackingNo(at: Date): string {
  const day = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
  return `${day}-${randomBytes(4).toString('hex').toUpperCase()}`;
}

/** Where fileDemand takes tracking numbers from (a test makes it hand out a taken one first). */
export const trackingNumbers = { next: trackingNo };
/** Eight hex digits a day collide now and then on a busy platform (tens of thousands a day): draw again. */
const TRACKING_TRIES = 5;

/**
 * Files a demand as a work order in state `received`, with its deadlines. `actor` is staff (checked against the
 * channel and scope) or, for H5, Open311 and the 12345 push, a caller the route has already authenticated.
 */
export async function fileDemand(
  ctx: AppContext, who: { staff: Actor } | { system: EventActor }, input: TFileDemand,
  /** More work in the same transaction (the H5 page's photos). */
  after?: (trx: Trx, order: WorkOrderRow) => Promise<void>,
  /** `unplaced`: a place above every community is taken as is (an API key's street), to be placed by the `place` step. */
  opts: { unplaced?: boolean } = {},
): Promise<ReturnType<typeof toWorkOrder>> {
  const { db } = ctx.handle;
  const place = await findPlace(db, input.placeId);
  if (!place) throw notFound('place');
  if ('staff' in who) {
    assertInScope(who.staff, place.path, 'place');
    // The channel's roles, held on the place or above it.
    if (!bindingsOver(who.staff, place.path, CHANNEL_ROLES[input.channel]).length) throw forbidden();
  }
  // An unplaced demand waits on the key's street (or district), whose office places it.
  const office = officeOf(place.path) ?? (opts.unplaced ? place.id : undefined);
  if (!office) throw invalid('placeId', workOrderMsg.placeTooHigh, 'place_too_high');
  const category = await findCategory(db, input.categoryId);
  if (!category || !category.active) throw invalid('categoryId', workOrderMsg.unknownCategory, 'unknown_category');
  if (input.channel === 'hotline_12345' && !input.externalNo) {
    throw invalid('externalNo', workOrderMsg.externalNoRequired, 'required');
  }
  const received = input.receivedAt ? new Date(input.receivedAt) : new Date();
  // Deadlines and the three rates count from the received time: a demand of 2019 or 2099 would skew both.
  const late = receivedAtProblem(received, receivedAtBounds(ctx.config), workOrderMsg.receivedAtField);
  if (late) throw invalid('receivedAt', late.message, late.code);
  const calendar = await loadCalendar(db);
  const row: WorkOrderRow = {
    id: newId(), tracking_no: trackingNumbers.next(received), external_no: input.externalNo ?? null, channel: input.channel, demand_type: input.demandType,
    category_id: category.id, place_id: place.id, place_path: place.path, office_id: office, title: input.title, description: input.description,
    address_enc: input.address ? ctx.cipher.encrypt(input.address) : null, address_masked: input.address ? mask('address', input.address) : null,
    lat: input.lat ?? null, lng: input.lng ?? null, ...reporterColumns(ctx.cipher, input.reporterName ?? null, Boolean(input.confidential)),
    urgency: URGENCIES.indexOf(input.urgency ?? 'normal'),
    reporter_phone_enc: input.reporterPhone ? ctx.cipher.encrypt(input.reporterPhone) : null,
    reporter_phone_masked: input.reporterPhone ? mask('phone', input.reporterPhone) : null,
    reporter_phone_index: input.reporterPhone ? ctx.cipher.blindIndex(input.reporterPhone) : null,
    state: 'received', assignee_kind: null, assignee_id: null, dispatcher_id: null, filed_by: 'staff' in who ? who.staff.userId : null, reopen_count: 0, supervised: 0, escalation: 0, merged_into: null,
    received_at: received.toISOString(),
    accept_due: addWorkingDays(received, DEFAULT_DAYS.accept, calendar).toISOString(),
    contact_due: null,
    resolve_due: earlier(addWorkingDays(received, resolveDays(input.demandType, category, input.urgency), calendar).toISOString(), input.resolveDue),
    accepted_at: null, first_contact_at: null, resolved_at: null, closed_at: null, result: null, rating: null, rating_comment: null,
    version: 1, created_at: received.toISOString(), updated_at: received.toISOString(),
  };
  const actor = 'staff' in who ? who.staff : who.system;
  for (let attempt = 1; ; attempt++) {
    // A drawn number already taken inserts nothing (no error: inside the 12345 import's transaction an error would abort
    // it on PostgreSQL), and the next number is drawn, in the same transaction or a new one.
    let filed: boolean;
    try {
      filed = await db.transaction().execute(async (trx) => {
        const inserted = await trx.insertInto('work_orders').values(row).onConflict((oc) => oc.column('tracking_no').doNothing()).executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows) !== 1) return false;
        await appendEvent(trx, actor, {
          entityType: 'work_order', entityId: row.id, placeId: place.id, action: 'file',
          to: { state: 'received', channel: row.channel, demandType: row.demand_type, categoryId: category.id, trackingNo: row.tracking_no, externalNo: row.external_no },
        }, row.received_at);
        await after?.(trx, row);
        return true;
      });
    } catch (err) {
      // The 12345 order number is unique: the same order entered twice (or by two people at once) is filed once. Inside a
      // caller's transaction (the 12345 import) PostgreSQL has aborted it: the caller decides.
      if (!db.isTransaction && isUniqueViolation(err, 'external_no')) throw conflict('externalNo', workOrderMsg.externalNoTaken, 'duplicate');
      throw err;
    }
    if (filed) return toWorkOrder(row);
    if (attempt >= TRACKING_TRIES) throw conflict('trackingNo', workOrderMsg.trackingNoTaken, 'tracking_no_taken');
    row.tracking_no = trackingNumbers.next(received);
  }
}
