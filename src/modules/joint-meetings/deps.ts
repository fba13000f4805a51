/** What the joint meetings use of other modules, through their exports only. */
export { usersOfUnit, usersWithRoleOver, userNames } from '../accounts/index.js';
export { notify } from '../notifications/index.js';
export { findPlace, findPlaceInScope } from '../places/index.js';
export { findUnits, isUnitVisibleTo } from '../units/index.js';
export { unmatchedNeeds } from '../three-lists/index.js';
export { requireResident, residentCaller } from '../resident-h5/index.js';
export { unitYearFigures } from '../three-lists/index.js';
export { visiblePartnerUnit } from '../units/index.js';
