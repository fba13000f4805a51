export { unitsModule } from './manifest.js';
export { findUnit, findUnits, findVisibleUnit, isUnitVisibleTo, listUnitsOfKind, listVisibleUnits, toUnit, unitNames, type TUnit, type UnitRow } from './queries.js';
export type { UnitTable } from './tables.js';
