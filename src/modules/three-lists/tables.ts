import type { NeedChannel, NeedState, NeedUrgency, ResourceState, ThreeListCategory } from '../../../contracts/three-lists.js';

/** A need (需求): the state table of need-lifecycle.ts. */
export interface NeedTable {
  id: string;
  title: string;
  description: string;
  category: ThreeListCategory;
  urgency: NeedUrgency;
  beneficiary: string | null;
  place_id: string;
  place_path: string;
  channel: NeedChannel;
  /** Who reported it: a staff or building-head account, or a resident by the blind index of their phone. */
  reporter_user_id: string | null;
  reporter_phone_index: string | null;
  work_order_id: string | null;
  state: NeedState;
  reject_reason: string | null;
  merged_into: string | null;
  /** The partner unit it is dispatched to, and the resource it uses. */
  unit_id: string | null;
  resource_id: string | null;
  /** Or the party member it is dispatched to, and the sign-in linked to them then (who takes and delivers it). */
  member_id: string | null;
  member_user_id: string | null;
  decline_reason: string | null;
  delivery_note: string | null;
  rating: number | null;
  rating_comment: string | null;
  dispatched_at: string | null;
  taken_at: string | null;
  delivered_at: string | null;
  rated_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** A unit's resource (资源): capacity per month, what is left of it in `period_of` (YYYY-MM), the area it serves. */
export interface ResourceTable {
  id: string;
  unit_id: string;
  title: string;
  description: string;
  category: ThreeListCategory;
  capacity: number;
  remaining: number;
  period_of: string;
  place_id: string;
  place_path: string;
  /** When it serves, and for whom or on what terms (free text, optional). */
  schedule: string | null;
  conditions: string | null;
  state: ResourceState;
  reject_reason: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ThreeListsTables {
  needs: NeedTable;
  resources: ResourceTable;
}

declare module '../../core/schema.js' {
  interface Database extends ThreeListsTables {}
}
