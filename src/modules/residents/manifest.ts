import { defineModule } from '../../core/module.js';
import { residentPolicy } from './policy.js';
import { countResidentsUnder } from './queries.js';
import { residentRoutes } from './routes.js';
import { residentMsg } from './messages.js';

export const residentsModule = defineModule({
  name: 'residents',
  recordNames: [
    { entityType: 'resident', names: (db) => db.selectFrom('residents').select(['residents.id', 'residents.name']) },
  ],
  tables: ['residents'],
  routes: [residentRoutes],
  policies: [residentPolicy],
  pathCopies: [{ table: 'residents' }],
  // The places page counts the residents under a place.
  placeCounts: [{ key: 'residents', count: countResidentsUnder }],
  ledgers: [{
    key: 'roster', title: residentMsg.rosterTitle, subject: 'place', action: 'exportRoster',
    href: '/api/places/{placeId}/roster.xlsx', params: ['placeId'],
  }],
  scopeCases: () => import('./scope-cases.js').then((m) => m.scopeSuite),
});
