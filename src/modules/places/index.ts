export { placesModule } from './manifest.js';
export {
  ancestorsOf, communityIdOf, findChildrenOf, findCommunities, findCompoundsNamed, findPlace, findPlaceByCode, findPlaceInScope, findPlaces, listChildren, listCommunitiesWithStreets, listPlacesAtLevel, placeIdsUnder, searchPlaces, toPlace,
  type PlaceRow,
} from './queries.js';
export { placePolicy, type PlaceSubject } from './policy.js';
export type { TPlace } from './schema.js';
export { COMPOUND_TYPES, PLACE_LEVELS, type CompoundType, type PlaceLevel } from './tables.js';
export { createPlace, createPlannedPlaces, planChildPlace } from './commands/create-place.js';
export { importDivisions, shortDivisionName } from './commands/import-divisions.js';
export { createPlaceResolver, PLACE_MISS_TEXT, type PlaceMiss, type PlaceWanted, type Resolved } from './resolve-place.js';
