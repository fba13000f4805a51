import type { Relation } from '../../../contracts/places.js';

export { RELATIONS, type Relation } from '../../../contracts/places.js';

export interface ResidentTable {
  id: string;
  /** The household the resident lives in. */
  place_id: string;
  /** Copy of the household's path for one-range scope tests; re-pathed with the place. */
  place_path: string;
  name: string;
  gender: 'male' | 'female' | null;
  relation: Relation;
  phone_enc: string | null;
  phone_masked: string | null;
  phone_index: string | null;
  id_number_enc: string | null;
  id_number_masked: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ResidentsTables {
  residents: ResidentTable;
}

declare module '../../core/schema.js' {
  interface Database extends ResidentsTables {}
}
