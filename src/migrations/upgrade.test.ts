import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Migrator } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { type DbHandle, openDatabase } from '../core/db.js';
import * as first001 from './first-landed/001-foundation.js';
import * as first002 from './first-landed/002-work-orders.js';
import { migrateToLatest, migrations } from './index.js';
import { schemaSnapshot } from './schema-snapshot.js';

/** The migrations as they first landed, under the names the list gives them. */
const firstLanded = { '001-foundation': first001, '002-work-orders': first002 };

/**
 * A throwaway database: a temporary SQLite file, or, when DATABASE_URL is set, a new PostgreSQL database on that server
 * (as src/test/harness.ts makes one), dropped again by close().
 */
async function throwawayDatabase(): Promise<{ handle: DbHandle; close(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onegrid-upgrade-'));
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const handle = openDatabase({ dataDir });
    return { handle, close: async () => { await handle.close(); fs.rmSync(dataDir, { recursive: true, force: true }); } };
  }
  const name = `onegrid_u_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = async (run: (c: pg.Client) => Promise<unknown>) => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    try { await run(c); } finally { await c.end(); }
  };
  await admin((c) => c.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ databaseUrl: url.toString(), dataDir });
  return {
    handle,
    async close() {
      await handle.close();
      await admin(async (c) => {
        // pool.end() resolves before its connections have closed; killing them mid-close raises an uncaught 57P01.
        for (let i = 0; i < 100 && (await c.query('select 1 from pg_stat_activity where datname = $1', [name])).rowCount; i++) {
          await new Promise((r) => setTimeout(r, 20));
        }
        await c.query(`drop database if exists ${name} with (force)`);
      });
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs the first-landed migrations through Kysely's Migrator, so its table records them as done under their names. */
async function migrateAsFirstLanded(handle: DbHandle): Promise<void> {
  const migrator = new Migrator({ db: handle.db, provider: { getMigrations: async () => firstLanded } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  expect(results?.map((r) => [r.migrationName, r.status])).toEqual(Object.keys(firstLanded).map((n) => [n, 'Success']));
}

async function withDatabase<T>(run: (handle: DbHandle) => Promise<T>): Promise<T> {
  const { handle, close } = await throwawayDatabase();
  try { return await run(handle); } finally { await close(); }
}

describe(`migrations on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`, () => {
  it('bring a database created by the first-landed migrations to the schema of a fresh one', async () => {
    expect(Object.keys(migrations).slice(0, 2)).toEqual(Object.keys(firstLanded));
    const fresh = await withDatabase(async (handle) => {
      await migrateToLatest(handle.db);
      return schemaSnapshot(handle.db);
    });
    const upgraded = await withDatabase(async (handle) => {
      await migrateAsFirstLanded(handle);
      await migrateToLatest(handle.db);
      return schemaSnapshot(handle.db);
    });
    // The snapshot reads what it should: the event log's triggers and a late index of 001 are in it.
    expect(fresh.triggers.length).toBeGreaterThanOrEqual(2);
    expect(fresh.indexes.some((i) => i.startsWith('places.places_path_level '))).toBe(true);
    expect(upgraded.tables).toEqual(fresh.tables);
    expect(upgraded.columns).toEqual(fresh.columns);
    expect(upgraded.indexes).toEqual(fresh.indexes);
    expect(upgraded.triggers).toEqual(fresh.triggers);
  });

  it('import nothing but kysely, core/db.ts and each other, so later module code cannot change an old migration', () => {
    const dir = path.dirname(new URL(import.meta.url).pathname);
    const files = ['.', 'first-landed'].flatMap((d) => fs.readdirSync(path.join(dir, d)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => path.join(dir, d, f)));
    const foreign = files.flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(/\bfrom\s+'([^']+)'/g)]
      .map((m) => m[1]!)
      .filter((spec) => spec !== 'kysely' && !spec.startsWith('./') && path.resolve(path.dirname(file), spec) !== path.resolve(dir, '../core/db.js'))
      .map((spec) => `${path.relative(dir, file)}: ${spec}`));
    expect(files.length).toBeGreaterThan(6);
    expect(foreign).toEqual([]);
  });
});
