/** What other modules may use of places' geometry. */
export { placeGeometryModule } from './manifest.js';
export { locatePlaces, placeForPoint, type Located, type LocatedPlace } from './locate.js';
export { liesInside, nearestRegion, polygonProblem, type PlaceRegion } from './within.js';
