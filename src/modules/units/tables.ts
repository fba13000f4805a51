import type { PartnerKind, UnitKind } from '../../../contracts/units.js';

export interface UnitTable {
  id: string;
  /** A government department (城管, 住建 …) or a partner unit (共建单位). */
  kind: UnitKind;
  name: string;
  /** A partner unit's kind (agency, school …); null for a department. */
  partner_kind: PartnerKind | null;
  contact_name: string | null;
  contact_title: string | null;
  place_id: string;
  place_path: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** A partner unit's co-building agreement (共建协议), one per unit; the signed scan is an attachment (`unit_agreement`). */
export interface UnitAgreementTable {
  id: string;
  unit_id: string;
  place_id: string;
  place_path: string;
  term_start: string;
  term_end: string;
  commitments: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface UnitsTables {
  units: UnitTable;
  unit_agreements: UnitAgreementTable;
}

declare module '../../core/schema.js' {
  interface Database extends UnitsTables {}
}
