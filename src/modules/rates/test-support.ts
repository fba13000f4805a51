import { newId } from '../../core/ids.js';
import type { WorkOrderRow } from '../work-orders/index.js';
import type { Rating, WorkOrderState } from '../../../contracts/work-orders.js';

/** Beijing wall time ('2026-10-10T09:00') as a UTC ISO instant. */
export const bj = (s: string) => new Date(`${s}+08:00`).toISOString();

/** What a test order did and when (Beijing time); received a day before its accept deadline. */
export interface OrderSpec { received: string; due: string; state: WorkOrderState; accepted?: string; resolved?: string; closed?: string; rating?: Rating; title?: string }

/** A work-order row with known times, for tests that count the three rates from rows written straight in. */
export function orderRow(categoryId: string, office: { id: string; path: string }, s: OrderSpec): WorkOrderRow {
  const id = newId();
  return {
    id, tracking_no: `R-${id}`, external_no: null, channel: 'walk_in', demand_type: 'help', category_id: categoryId, place_id: office.id, place_path: office.path,
    office_id: office.id, title: s.title ?? '路灯不亮', description: '路灯不亮', address_enc: null, address_masked: null, lat: null, lng: null, reporter_name: null, reporter_name_enc: null, confidential: 0, urgency: 0,
    reporter_phone_enc: null, reporter_phone_masked: null, reporter_phone_index: null, state: s.state, assignee_kind: null, assignee_id: null,
    dispatcher_id: null, filed_by: null, reopen_count: 0, supervised: 0, escalation: 0, merged_into: null, received_at: bj(s.received),
    accept_due: new Date(new Date(bj(s.received)).getTime() + 24 * 3600_000).toISOString(), contact_due: null, resolve_due: bj(s.due),
    accepted_at: s.accepted ? bj(s.accepted) : null, first_contact_at: null, resolved_at: s.resolved ? bj(s.resolved) : null,
    closed_at: s.closed ? bj(s.closed) : null, result: null, rating: s.rating ?? null, rating_comment: null, version: 1, created_at: bj(s.received), updated_at: bj(s.received),
  };
}
