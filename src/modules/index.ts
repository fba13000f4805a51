import { accountsModule } from './accounts/manifest.js';
import { apiKeysModule } from './api-keys/manifest.js';
import { attachmentsModule } from './attachments/manifest.js';
import { announcementsModule } from './announcements/manifest.js';
import { auditModule } from './audit/manifest.js';
import { demandCategoriesModule } from './demand-categories/manifest.js';
import { hotlineModule } from './hotline/manifest.js';
import { ledgersModule } from './ledgers/manifest.js';
import { notificationsModule } from './notifications/manifest.js';
import { open311Module } from './open311/manifest.js';
import { partyModule } from './party/manifest.js';
import { placesModule } from './places/manifest.js';
import { placeGeometryModule } from './place-geometry/manifest.js';
import { ratesModule } from './rates/manifest.js';
import { residentH5Module } from './resident-h5/manifest.js';
import { residentsModule } from './residents/manifest.js';
import { unitsModule } from './units/manifest.js';
import { workCalendarModule } from './work-calendar/manifest.js';
import { workbenchModule } from './workbench/manifest.js';
import { workOrdersModule } from './work-orders/manifest.js';
import { threeListsModule } from './three-lists/manifest.js';
import { jointMeetingsModule } from './joint-meetings/manifest.js';
import { serviceSitesModule } from './service-sites/manifest.js';

/** The modules in load order. A new module is one line here. */
export const modules = [
  accountsModule,
  placesModule,
  residentsModule,
  auditModule,
  unitsModule,
  notificationsModule,
  demandCategoriesModule,
  workCalendarModule,
  attachmentsModule,
  workOrdersModule,
  ratesModule,
  residentH5Module,
  hotlineModule,
  apiKeysModule,
  open311Module,
  ledgersModule,
  announcementsModule,
  partyModule,
  workbenchModule,
  placeGeometryModule,
  threeListsModule,
  jointMeetingsModule,
  serviceSitesModule,
];
