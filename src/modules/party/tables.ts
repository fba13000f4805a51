import type { PartyOrgKind, PartyOrgState } from '../../../contracts/party.js';

/** A party org (党组织) bound to one place; its parent follows from the places (contracts/party.ts). */
export interface PartyOrgTable {
  id: string;
  kind: PartyOrgKind;
  name: string;
  place_id: string;
  place_path: string;
  /** The partner unit whose own org it is (partner_unit_org), else null. */
  unit_id: string | null;
  /** unit_id or '': the key of "one active org of a kind per place (and unit)". */
  unit_key: string;
  /** The committee's seats as JSON: [{ seat, name, unitId? }]. */
  committee: string;
  state: PartyOrgState;
  dissolved_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface PartyTables {
  party_orgs: PartyOrgTable;
}

declare module '../../core/schema.js' {
  interface Database extends PartyTables {}
}
