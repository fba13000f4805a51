import type { Generated } from 'kysely';

export const PLACE_LEVELS = ['district', 'street', 'community', 'grid', 'compound', 'building', 'household'] as const;
export type PlaceLevel = (typeof PLACE_LEVELS)[number];

/** 无物业 / 有物业 / 企业(厂区)宿舍 / 商住混合 / 散居户. */
export const COMPOUND_TYPES = ['no_property_management', 'property_managed', 'enterprise', 'mixed_use', 'scattered'] as const;
export type CompoundType = (typeof COMPOUND_TYPES)[number];

export interface PlaceTable {
  id: string;
  parent_id: string | null;
  level: PlaceLevel;
  name: string;
  /** Official division code for district, street and community; null below. */
  code: string | null;
  /** Materialised path of ids, '/district/street/…/self/'; a subtree is one prefix range. */
  path: string;
  depth: number;
  compound_type: CompoundType | null;
  /** 三无小区: 1 when the compound has no property company, no supervising body and no security. */
  three_no: number;
  address_enc: string | null;
  address_masked: string | null;
  sort_order: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface PlacesTables {
  places: PlaceTable;
}
