import type { ChairState } from '../../../contracts/rotating-chair.js';

/** A community's month of the rotating chair (轮值主席): the state table of chair-lifecycle.ts. */
export interface ChairMonthTable {
  id: string;
  place_id: string;
  place_path: string;
  /** 'YYYY-MM'. */
  month: string;
  state: ChairState;
  plan: string | null;
  report: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** The unit (or one of the units, when collective) chairing a month. */
export interface ChairMonthUnitTable {
  month_id: string;
  unit_id: string;
}

/** A rating of a month's chair: by another unit (its id) or a resident (their phone's blind index), once each. */
export interface ChairRatingTable {
  id: string;
  month_id: string;
  rater_kind: 'unit' | 'resident';
  rater_key: string;
  rating: number;
  comment: string | null;
  created_at: string;
}

export interface RotatingChairTables {
  chair_months: ChairMonthTable;
  chair_month_units: ChairMonthUnitTable;
  chair_ratings: ChairRatingTable;
}

declare module '../../core/schema.js' {
  interface Database extends RotatingChairTables {}
}
