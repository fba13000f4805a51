import { defineModule } from '../../core/module.js';
import { PARTNER_UNITS_LEDGER } from './ledger.js';
import { partnerUnitPolicy } from './partners.js';
import { unitRoutes } from './routes.js';
import { unitSeed } from './seed.js';

/** Departments and partner units: what work orders are dispatched to and contact accounts are linked to. */
export const unitsModule = defineModule({
  name: 'units',
  recordNames: [
    { entityType: 'unit', names: (db) => db.selectFrom('units').select(['units.id', 'units.name']) },
    { entityType: 'unit_agreement', names: (db) => db.selectFrom('unit_agreements').innerJoin('units', 'units.id', 'unit_agreements.unit_id').select(['unit_agreements.id', 'units.name']) },
  ],
  tables: ['units', 'unit_agreements'],
  policies: [partnerUnitPolicy],
  routes: [unitRoutes],
  pathCopies: [{ table: 'units' }, { table: 'unit_agreements' }],
  ledgers: [{
    key: PARTNER_UNITS_LEDGER.key, title: PARTNER_UNITS_LEDGER.title, subject: 'partner_unit', action: 'export',
    href: '/api/partner-units.xlsx?placeId={placeId}', params: ['placeId'],
  }],
  seed: unitSeed,
  scopeCases: () => import('./scope-cases.js').then((m) => m.scopeSuite),
});
