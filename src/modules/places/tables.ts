import type { Generated } from 'kysely';

import type { CompoundType, PlaceLevel } from '../../../contracts/places.js';

export { PLACE_LEVELS, COMPOUND_TYPES, type PlaceLevel, type CompoundType } from '../../../contracts/places.js';

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

declare module '../../core/schema.js' {
  interface Database extends PlacesTables {}
}
