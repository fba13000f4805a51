import type { Channel, DemandType, Rating, WorkOrderState } from './state.js';

export interface CategoryTable {
  id: string;
  /** The Open311 service_code. */
  code: string;
  name: string;
  group_name: string;
  description: string | null;
  default_unit_id: string | null;
  priority: 'normal' | 'urgent';
  complex: number;
  active: number;
  place_id: string;
  place_path: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface HolidayTable {
  day: string;
  name: string;
  workday: number;
}

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
  reporter_name: string | null;
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

export interface WorkOrderPhotoTable {
  id: string;
  work_order_id: string;
  stage: 'report' | 'resolve';
  file: string;
  mime: string;
  size: number;
  created_at: string;
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

export interface NotificationTable {
  id: string;
  user_id: string;
  kind: string;
  entity_type: string;
  entity_id: string;
  text_zh: string;
  text_en: string;
  read_at: string | null;
  created_at: string;
}

export interface ApiKeyTable {
  id: string;
  /** sha256 of the key; the key itself is shown once, when issued. */
  key_hash: string;
  name: string;
  place_id: string;
  place_path: string;
  created_by: string | null;
  revoked_at: string | null;
  created_at: string;
}

export interface OneTimeCodeTable {
  id: string;
  phone_index: string;
  code_hash: string;
  attempts: number;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface ResidentSessionTable {
  id: string;
  phone_index: string;
  phone_enc: string;
  phone_masked: string;
  created_at: string;
  expires_at: string;
}

export interface WorkOrdersTables {
  api_keys: ApiKeyTable;
  one_time_codes: OneTimeCodeTable;
  resident_sessions: ResidentSessionTable;
  categories: CategoryTable;
  holidays: HolidayTable;
  work_orders: WorkOrderTable;
  work_order_photos: WorkOrderPhotoTable;
  work_order_units: WorkOrderUnitTable;
  extension_requests: ExtensionRequestTable;
  notifications: NotificationTable;
}

declare module '../../core/schema.js' {
  interface Database extends WorkOrdersTables {}
}
