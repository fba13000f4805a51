import { defineModule } from '../../core/module.js';
import { placePolicy } from './policy.js';
import { placeRoutes } from './routes.js';

export const placesModule = defineModule({
  name: 'places',
  recordNames: [
    { entityType: 'place', names: (db) => db.selectFrom('places').select(['places.id', 'places.name']) },
  ],
  tables: ['places'],
  routes: [placeRoutes],
  policies: [placePolicy],
  scopeCases: () => import('./scope-cases.js').then((m) => m.scopeSuite),
});
