import { defineModule } from '../../core/module.js';
import { placeGeometryPolicy } from './policy.js';
import { placeGeometryRoutes } from './routes.js';
import { demoGeometrySeed } from './demo-geometry.js';

/** Places on the map: boundaries and points, their import, the point lookup (and Open311 by coordinates through it). */
export const placeGeometryModule = defineModule({
  name: 'place-geometry',
  tables: ['place_geometries'],
  routes: [placeGeometryRoutes],
  policies: [placeGeometryPolicy],
  seed: demoGeometrySeed,
  scopeCases: () => import('./scope-cases.js').then((m) => m.scopeSuite),
});
