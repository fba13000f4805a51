import { accountsModule } from './accounts/module';
import { announcementsModule } from './announcements/module';
import { auditModule } from './audit/module';
import { categoriesModule } from './categories/module';
import { authModule } from './auth/module';
import { h5Module } from './h5/module';
import { ledgersModule } from './ledgers/module';
import { partyModule } from './party/module';
import { threeListsModule } from './three-lists/module';
import { jointMeetingsModule } from './joint-meetings/module';
import { serviceSitesModule } from './service-sites/module';
import { placesModule } from './places/module';
import { ratesModule } from './rates/module';
import { residentsModule } from './residents/module';
import { timelineModule } from './timeline/module';
import { workbenchModule } from './workbench/module';
import { workOrdersModule } from './work-orders/module';

/** The web modules, in order; the router, the side menu and the i18n catalogues are built from this list. */
export const webModules = [
  workbenchModule,
  placesModule,
  residentsModule,
  timelineModule,
  workOrdersModule,
  announcementsModule,
  partyModule,
  threeListsModule,
  jointMeetingsModule,
  serviceSitesModule,
  ratesModule,
  ledgersModule,
  categoriesModule,
  accountsModule,
  auditModule,
  authModule,
  h5Module,
] as const;
