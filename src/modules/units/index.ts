export { unitsModule } from './manifest.js';
export { partnerUnitPolicy, visiblePartnerUnit } from './partners.js';
export { findUnit, findUnits, findVisibleUnit, isUnitVisibleTo, listUnitsOfKind, listVisibleUnits, toUnit, unitNames, type TUnit, type UnitRow } from './queries.js';
export type { UnitTable } from './tables.js';
export { DEMO_PARTNER_UNITS } from './seed.js';
export { partnerUnitsSql } from './public-sql.js';
export { PARTNER_UNITS_LEDGER } from './ledger.js';
