import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { openDatabase, type DbHandle } from '../src/core/db.js';
import { migrateToLatest } from '../src/migrations/index.js';
import { createCipher, loadDataKey, type PersonalDataCipher } from '../src/core/personal-data.js';

/** Where the benchmarks keep their SQLite file and data key (gitignored). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const benchDataDir = path.join(repoRoot, '.bench-data');
export const sqliteFile = path.join(benchDataDir, 'district.sqlite');
export const PG_BENCH_DATABASE = 'onegrid_bench';

export type Target = 'sqlite' | 'postgres';

/** The PostgreSQL server to use: DATABASE_URL when set, else the local one. The benchmark gets its own database on it. */
export function pgServerUrl(): string {
  return process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
}

export function pgBenchUrl(): string {
  const url = new URL(pgServerUrl());
  url.pathname = `/${PG_BENCH_DATABASE}`;
  return url.toString();
}

export async function recreatePgBenchDatabase(): Promise<void> {
  const admin = new pg.Client({ connectionString: pgServerUrl() });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${PG_BENCH_DATABASE} with (force)`);
    await admin.query(`create database ${PG_BENCH_DATABASE}`);
  } finally {
    await admin.end();
  }
}

export function openTarget(target: Target): DbHandle {
  return target === 'postgres'
    ? openDatabase({ databaseUrl: pgBenchUrl(), dataDir: benchDataDir })
    : openDatabase({ dataDir: benchDataDir, sqliteFile });
}

/** A district generated before a new migration landed still serves: bring its schema up to date. */
export async function migrateExisting(target: Target): Promise<void> {
  const handle = openTarget(target);
  try {
    await migrateToLatest(handle.db);
  } finally {
    await handle.close();
  }
}

export const benchCipher = (): PersonalDataCipher => createCipher(loadDataKey(benchDataDir));

/** True when this module is the script tsx was asked to run. */
export const isMain = (metaUrl: string) => process.argv[1] !== undefined && pathToFileURL(path.resolve(process.argv[1])).href === metaUrl;

export function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

export function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

/** Targets chosen on the command line: --sqlite, --pg; PostgreSQL also when DATABASE_URL is set. Default SQLite. */
export function chosenTargets(): Target[] {
  const pgWanted = flag('pg') || Boolean(process.env.DATABASE_URL);
  const sqliteWanted = flag('sqlite') || !flag('pg');
  return [...(sqliteWanted ? (['sqlite'] as const) : []), ...(pgWanted ? (['postgres'] as const) : [])];
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const int = (n: number) => Math.round(n).toLocaleString('en-US');

export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}
