import type { Generated } from 'kysely';
import type { Channel, DemandType, Rating, WorkOrderState } from './state.js';

export interface WorkOrderTable {
  id: string;
  tracking_no: string;
  /** The 12345 platform's order number, unique: re-imports are de-duplicated on it. */
  external_no: string | null;
  channel: Channel;
  demand_type: DemandType;
  category_id: string;
  place_id: string;
  place_path: string;
  /** The community responsible, whose three rates the order counts towards. */
  office_id: string;
  title: string;
  description: string;
  address_enc: string | null;
  address_masked: string | null;
  lat: number | null;
  lng: number | null;
  /** Null on a confidential order: its name is only in reporter_name_enc, revealed by the office (audited). */
  reporter_name: string | null;
  reporter_name_enc: string | null;
  /** 是否保密: 1 when the caller asked that their identity be kept from the handling units. */
  confidential: Generated<number>;
  /** 紧急程度, the index in URGENCIES (0 normal, 1 urgent, 2 critical). */
  urgency: Generated<number>;
  reporter_phone_enc: string | null;
  reporter_phone_masked: string | null;
  reporter_phone_index: string | null;
  state: WorkOrderState;
  assignee_kind: 'user' | 'unit' | null;
  assignee_id: string | null;
  dispatcher_id: string | null;
  /** The staff account that filed it (null for residents and machines). */
  filed_by: string | null;
  reopen_count: number;
  supervised: number;
  /** Escalation steps fired by the overdue scan: 1 notified, 2 supervised. */
  escalation: number;
  merged_into: string | null;
  received_at: string;
  accept_due: string;
  contact_due: string | null;
  resolve_due: string | null;
  accepted_at: string | null;
  first_contact_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  result: string | null;
  rating: Rating | null;
  rating_comment: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface WorkOrderUnitTable {
  work_order_id: string;
  unit_id: string;
  called_at: string;
  reported_at: string | null;
  part: string | null;
}

export interface ExtensionRequestTable {
  id: string;
  work_order_id: string;
  days: number;
  reason: string;
  state: 'pending' | 'approved' | 'refused';
  requested_by: string;
  decided_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface WorkOrdersTables {
  work_orders: WorkOrderTable;
  work_order_units: WorkOrderUnitTable;
  extension_requests: ExtensionRequestTable;
}

declare module '../../core/schema.js' {
  interface Database extends WorkOrdersTables {}
}
