import { sql } from 'kysely';
import type { Config } from './config.js';
import type { AppContext } from './core/context.js';
import { type DbHandle, openDatabase, withStartupLock } from './core/db.js';
import { createCipher, openDataKey } from './core/personal-data.js';
import { migrateToLatest } from './migrations/index.js';
import { grantAppRole } from './migrations/privileges.js';

export interface Databases {
  /** The app's connection (DATABASE_URL): every request and job runs on it. */
  app: DbHandle;
  /** The tables' owner (MIGRATION_DATABASE_URL on PostgreSQL); the app's own handle when there is none. */
  owner: DbHandle;
}

/** Opens the app's database and, on PostgreSQL with MIGRATION_DATABASE_URL, the owner's beside it. */
export function openDatabases(config: Config, opts: { countStatements?: boolean } = {}): Databases {
  const app = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, countStatements: opts.countStatements });
  const separate = app.dialect === 'postgres' && config.migrationDatabaseUrl && config.migrationDatabaseUrl !== config.databaseUrl;
  const owner = separate ? openDatabase({ databaseUrl: config.migrationDatabaseUrl, dataDir: config.dataDir }) : app;
  return { app, owner };
}

/**
 * Everything a process does before it serves, under the database's startup lock so that any number of processes may
 * start at once: migrate (as the owner), grant the app role its privileges, check the personal-data key against the
 * database's fingerprint (or record it), then `seed` (the demo, if the database is empty). Throws StartupRefused when the
 * key is not the database's. Answers the app's context and what to warn the operator of.
 */
export async function prepareDatabase(
  config: Config, dbs: Databases, seed?: (ctx: AppContext) => Promise<boolean>,
): Promise<{ ctx: AppContext; warnings: string[] }> {
  return withStartupLock(dbs.owner, async () => {
    await migrateToLatest(dbs.owner.db);
    const warnings: string[] = [];
    if (dbs.app.dialect === 'postgres') {
      const { warning } = await grantAppRole(dbs.owner.db, dbs.app.db);
      if (warning) warnings.push(warning);
    }
    const key = await openDataKey(dbs.owner.db, config.dataDir, config.dataKey);
    const ctx: AppContext = { handle: dbs.app, config, cipher: createCipher(key) };
    const seeded = await seed?.(ctx);
    // The seed's own ANALYZE runs as the app role, which PostgreSQL skips for tables it does not own: the owner
    // gathers the planner statistics for what was just seeded.
    if (seeded && dbs.owner !== dbs.app) await sql`analyze`.execute(dbs.owner.db);
    return { ctx, warnings };
  });
}
