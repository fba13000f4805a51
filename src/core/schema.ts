import type { PlacesTables } from '../modules/places/tables.js';
import type { ResidentsTables } from '../modules/residents/tables.js';
import type { AccountsTables } from '../modules/accounts/tables.js';
import type { EventsTables } from './events.js';
import type { WorkOrdersTables } from '../modules/work-orders/tables.js';
import type { RatingsTables } from '../modules/work-orders/ratings.js';

/** The database type is the intersection of what each module owns (atproto's PartialDB). */
export type Database = PlacesTables & ResidentsTables & AccountsTables & EventsTables & WorkOrdersTables & RatingsTables;
