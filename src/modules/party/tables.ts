import type { PartyClaimState, PartyMemberCategory, PartyMemberState, PartyOrgKind, PartyOrgState, PartyPostKind, PartyPostState } from '../../../contracts/party.js';

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

/** A party member (党员): hangs on their household, or on their org's place when no household is known. */
export interface PartyMemberTable {
  id: string;
  name: string;
  category: PartyMemberCategory;
  org_id: string;
  household_id: string | null;
  place_id: string;
  place_path: string;
  /** The employer (in-service members): a partner unit or a department. */
  unit_id: string | null;
  phone_enc: string | null;
  phone_masked: string | null;
  phone_index: string | null;
  id_number_enc: string | null;
  id_number_masked: string | null;
  /** 党员中心户: 1 when the member's household is designated a front-line contact point. */
  central_household: number;
  state: PartyMemberState;
  left_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** A post (岗位) a community offers, with N places; `places_taken` counts the holders (the claim step's one conditional update). */
export interface PartyPostTable {
  id: string;
  kind: PartyPostKind;
  title: string;
  duties: string;
  place_id: string;
  place_path: string;
  places_total: number;
  places_taken: number;
  state: PartyPostState;
  version: number;
  created_at: string;
  updated_at: string;
}

/** A member's claim on a post, on the post's place; `recommender_index`: the blind index of the recommending resident's phone. */
export interface PartyClaimTable {
  id: string;
  post_id: string;
  member_id: string;
  place_id: string;
  place_path: string;
  source: 'self' | 'recommended';
  recommender_index: string | null;
  state: PartyClaimState;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface PartyTables {
  party_orgs: PartyOrgTable;
  party_members: PartyMemberTable;
  party_posts: PartyPostTable;
  party_claims: PartyClaimTable;
}

declare module '../../core/schema.js' {
  interface Database extends PartyTables {}
}
