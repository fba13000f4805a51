import type { UnitKind } from '../../../contracts/units.js';

export interface UnitTable {
  id: string;
  /** A government department (城管, 住建 …) or a partner unit (共建单位). */
  kind: UnitKind;
  name: string;
  place_id: string;
  place_path: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface UnitsTables {
  units: UnitTable;
}

declare module '../../core/schema.js' {
  interface Database extends UnitsTables {}
}
