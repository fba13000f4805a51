import type { PointsCapPeriod, PointsItemKind } from '../../../contracts/party-points.js';

/** A community's points rules: one row, the items as JSON (PointsItem[]); a change is a versioned write and an event. */
export interface PartyPointsRulesTable {
  place_id: string;
  place_path: string;
  items: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** One item as stored in the rules. */
export interface PointsItem {
  id: string;
  kind: PointsItemKind;
  name: string;
  points: number;
  cap: number | null;
  capPeriod: PointsCapPeriod | null;
}

/**
 * One entry of the points ledger (append-only: the database refuses to change it but for its place path). `points` is
 * what it earned when written (0 or less than earned when capped); a correction counters an entry with its negation.
 */
export interface PartyPointsTable {
  id: string;
  member_id: string;
  place_id: string;
  place_path: string;
  item_id: string;
  item_kind: PointsItemKind;
  item_name: string;
  quantity: number;
  points: number;
  capped: number;
  /** 'YYYY-MM' of earned_on: what the caps and rankings count by. */
  period: string;
  earned_on: string;
  reason: string;
  /** Set for credits written once (a post held for a month): the unique key that keeps the monthly job idempotent. */
  source_key: string | null;
  counters_id: string | null;
  created_by: string | null;
  created_by_name: string;
  created_at: string;
}

/** A party member's sign-in (role party_member) and the member record whose ledger it shows. */
export interface PartyMemberAccountTable {
  user_id: string;
  member_id: string;
  created_at: string;
}

export interface PartyPointsTables {
  party_points_rules: PartyPointsRulesTable;
  party_points: PartyPointsTable;
  party_member_accounts: PartyMemberAccountTable;
}

declare module '../../core/schema.js' {
  interface Database extends PartyPointsTables {}
}
