/** A government department (城管, 住建 …) that work orders are dispatched to, or a partner unit (共建单位). */
export const UNIT_KINDS = ['department', 'partner_unit'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
