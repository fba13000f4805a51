import { type Kysely, type Migration, Migrator } from 'kysely';
import * as m001 from './001-foundation.js';
import * as m002 from './002-work-orders.js';
import * as m003 from './003-expiry-indexes.js';
import * as m004 from './004-work-order-ratings.js';
import * as m005 from './005-merged-into-index.js';

/** One ordered list; each migration runs on SQLite and PostgreSQL. */
export const migrations: Record<string, Migration> = {
  '001-foundation': m001,
  '002-work-orders': m002,
  '003-expiry-indexes': m003,
  '004-work-order-ratings': m004,
  '005-merged-into-index': m005,
};

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
}
