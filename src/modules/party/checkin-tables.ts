import type { PartyCheckinKind, PartyCheckinState, PartyReportPeriod } from '../../../contracts/party-checkins.js';

/** A member's check-in (双报到) to a community for a year: the state table of checkin-lifecycle.ts. */
export interface PartyCheckinTable {
  id: string;
  member_id: string;
  /** The community checked in to. */
  place_id: string;
  place_path: string;
  /** The member's employer unit when they checked in (the partner unit that sees it). */
  unit_id: string | null;
  kind: PartyCheckinKind;
  year: string;
  note: string | null;
  state: PartyCheckinState;
  decline_reason: string | null;
  decided_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** A community's period rule; none stored is the default (06-30, every half year). */
export interface PartyCheckinRulesTable {
  place_id: string;
  place_path: string;
  deadline: string;
  report_period: PartyReportPeriod;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface PartyCheckinTables {
  party_checkins: PartyCheckinTable;
  party_checkin_rules: PartyCheckinRulesTable;
}

declare module '../../core/schema.js' {
  interface Database extends PartyCheckinTables {}
}
