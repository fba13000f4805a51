/** A kind of demand (路灯损坏, 噪音扰民 …): what a demand is filed under, and the Open311 service it is offered as. */
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
  /** Working days to resolve an urgent (紧急) / critical (特急) demand of this category; null: the default share. */
  urgent_days: number | null;
  critical_days: number | null;
  active: number;
  place_id: string;
  place_path: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface DemandCategoriesTables {
  categories: CategoryTable;
}

declare module '../../core/schema.js' {
  interface Database extends DemandCategoriesTables {}
}
