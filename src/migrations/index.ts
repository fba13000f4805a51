import { type Kysely, type Migration, Migrator } from 'kysely';
import * as m001 from './001-foundation.js';
import * as m002 from './002-work-orders.js';
import * as m003 from './003-expiry-indexes.js';
import * as m004 from './004-work-order-ratings.js';
import * as m005 from './005-merged-into-index.js';
import * as m006 from './006-upgrade-landed-schema.js';
import * as m007 from './007-scheduled-jobs.js';
import * as m008 from './008-work-order-filed-by.js';
import * as m009 from './009-attachments.js';
import * as m010 from './010-announcements.js';
import * as m011 from './011-history-tables.js';
import * as m012 from './012-instance-settings.js';
import * as m015 from './015-one-time-code-gates.js';
import * as m016 from './016-party.js';
import * as m019 from './019-sqlite-rates-covering.js';
import * as m027 from './027-work-orders-state-path.js';
import * as m028 from './028-party-points.js';
import * as m029 from './029-hotline-sources.js';
import * as m030 from './030-place-geometries.js';
import * as m035 from './035-category-urgent-days.js';
import * as m036 from './036-party-checkins.js';
import * as m037 from './037-party-public-keys.js';
import * as m039 from './039-places-updated-at.js';
import * as m040 from './040-three-lists.js';
import * as m041 from './041-joint-meetings.js';
import * as m044 from './044-rotating-chair.js';
import * as m046 from './046-work-order-coordinates-double.js';
import * as m047 from './047-three-lists-members-schedules.js';
import * as m048 from './048-party-card-keys.js';
import * as m049 from './049-service-sites.js';
import * as m050 from './050-service-site-outlines.js';

/**
 * One ordered list; each migration runs on SQLite and PostgreSQL. Append new ones at the end: a landed migration is never
 * edited (upgrade.test.ts migrates a first-landed database and compares it with a fresh one), and none imports src/modules
 * or src/seed, so later code changes cannot change what an old migration does.
 */
export const migrations: Record<string, Migration> = {
  '001-foundation': m001,
  '002-work-orders': m002,
  '003-expiry-indexes': m003,
  '004-work-order-ratings': m004,
  '005-merged-into-index': m005,
  '006-upgrade-landed-schema': m006,
  '007-scheduled-jobs': m007,
  '008-work-order-filed-by': m008,
  '009-attachments': m009,
  '010-announcements': m010,
  '011-history-tables': m011,
  '012-instance-settings': m012,
  '015-one-time-code-gates': m015,
  '016-party': m016,
  '019-sqlite-rates-covering': m019,
  '027-work-orders-state-path': m027,
  '028-party-points': m028,
  '029-hotline-sources': m029,
  '030-place-geometries': m030,
  '035-category-urgent-days': m035,
  '036-party-checkins': m036,
  '037-party-public-keys': m037,
  '039-places-updated-at': m039,
  '040-three-lists': m040,
  '041-joint-meetings': m041,
  '044-rotating-chair': m044,
  '046-work-order-coordinates-double': m046,
  '047-three-lists-members-schedules': m047,
  '048-party-card-keys': m048,
  '049-service-sites': m049,
  '050-service-site-outlines': m050,
};

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
}
