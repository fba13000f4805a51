import type { Rating } from '../../../contracts/work-orders.js';

/** The ratings read model's table (ratings.ts says what each row is). */
export interface WorkOrderRatingTable {
  /** 'YYYY-MM' in Beijing time. */
  month: string;
  order_id: string;
  /** The id of the order's last `rate` event in the month. */
  event_id: number;
  rated_at: string;
  rating: Rating;
  /** The order's community (office). */
  office_id: string;
  /**
   * Whose work was rated: the order's assignee just before the rating (a second "not satisfied" then takes the order
   * from them; the row keeps them). From the event's `from.assignee`; `rate` events logged without it (before the rate
   * step recorded it, or written in bulk) fall back to the order's assignee when derived.
   */
  assignee_kind: 'user' | 'unit' | null;
  assignee_id: string | null;
}

export interface RatingsTables {
  work_order_ratings: WorkOrderRatingTable;
}

declare module '../../core/schema.js' {
  interface Database extends RatingsTables {}
}
