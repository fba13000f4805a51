import { accountsModule } from './accounts/manifest.js';
import { auditModule } from './audit/manifest.js';
import { hotlineModule } from './hotline/manifest.js';
import { ledgersModule } from './ledgers/manifest.js';
import { apiKeysModule, open311Module } from './open311/manifest.js';
import { photosModule } from './photos/manifest.js';
import { placesModule } from './places/manifest.js';
import { residentH5Module } from './resident-h5/manifest.js';
import { residentsModule } from './residents/manifest.js';
import { workOrdersModule } from './work-orders/manifest.js';

/** The modules in load order. A new module is one line here. */
export const modules = [
  accountsModule,
  placesModule,
  residentsModule,
  auditModule,
  workOrdersModule,
  residentH5Module,
  photosModule,
  hotlineModule,
  apiKeysModule,
  open311Module,
  ledgersModule,
];
