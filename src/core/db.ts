import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, sql, type Compilable, type Transaction } from 'kysely';
import pg from 'pg';
import { YieldingPlugin } from './event-loop.js';
import { startCheckpointer } from './sqlite-checkpointer.js';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
export type DbOrTrx = Db | Trx;

export interface DbHandle {
  db: Db;
  dialect: DialectName;
  /** The raw better-sqlite3 handle on SQLite (backups, benchmarks); undefined on PostgreSQL. */
  sqlite?: SQLite.Database;
  /** The database file on SQLite (':memory:' for none); the connection string on PostgreSQL. Unset on a handle made by hand (bench). */
  location?: string;
  close(): Promise<void>;
}

/** Counts the SQL statements run inside `countQueries` (the query-budget tests), through Kysely's log hook. */
const counting = new AsyncLocalStorage<{ statements: string[] }>();
const countingLog = (event: { query: { sql: string } }) => void counting.getStore()?.statements.push(event.query.sql);
export async function countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const store = { statements: [] as string[] };
  const result = await counting.run(store, fn);
  return { result, statements: store.statements };
}
/** From here on (a request's onRequest hook), the statements of this async context are counted; returns the count so far. */
export function countStatementsFromHere(): () => number {
  const store = { statements: [] as string[] };
  counting.enterWith(store);
  return () => store.statements.length;
}

// PostgreSQL returns bigint (count) as string; our counts fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));

export function openDatabase(opts: { databaseUrl?: string; dataDir: string; sqliteFile?: string; countStatements?: boolean }): DbHandle {
  // Only the query-budget tests count statements: the app itself pays nothing per query for it.
  const log = opts.countStatements ? countingLog : undefined;
  if (opts.databaseUrl && /^postgres(ql)?:/.test(opts.databaseUrl)) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: Number(process.env.PG_POOL_SIZE ?? 10) });
    // An idle connection dropped by the server (restart, dropped database) must not crash the process.
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log });
    return { db, dialect: 'postgres', location: opts.databaseUrl, close: () => db.destroy() };
  }
  const file = opts.sqliteFile ?? path.join(opts.dataDir, 'onegrid.sqlite');
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Checkpoints run in a worker thread, not inside the COMMIT of a large write (see startCheckpointer).
  const checkpointer = file === ':memory:' ? null : startCheckpointer(file);
  if (checkpointer) sqlite.pragma('wal_autocheckpoint = 0');
  // Statements run synchronously: a long run of them gives the event loop a turn now and then (see YieldingPlugin).
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), log, plugins: [new YieldingPlugin()] });
  return {
    db, dialect: 'sqlite', sqlite, location: file,
    close: async () => {
      await db.destroy();
      await checkpointer?.stop();
    },
  };
}

/** A process must not start as configured (another key, a missing key): the message says what to set, and nothing was written. */
export class StartupRefused extends Error {
  override name = 'StartupRefused';
}

/** Any number, the same in every OneGrid process: the key of the PostgreSQL advisory lock taken while starting. */
const STARTUP_LOCK_KEY = 0x4f6e6547;
const SQLITE_LOCK_WAIT_MS = 15 * 60_000;

/**
 * Runs `fn` while holding the database's startup lock, so processes started together migrate and seed one after the
 * other: each one after the first finds the schema current and the demo seeded. On PostgreSQL a session advisory lock
 * on a connection of its own (scoped to the database; the server drops it if the process dies); on SQLite an exclusive
 * lock on `<database file>.lock`, a SQLite file beside the database that is never written (the operating system drops
 * the lock if the process dies). The lock is free again when `fn` settles.
 */
export async function withStartupLock<T>(handle: DbHandle, fn: () => Promise<T>): Promise<T> {
  if (!handle.location) throw new Error('withStartupLock: a handle from openDatabase, which knows where its database is');
  if (handle.dialect === 'postgres') {
    const client = new pg.Client({ connectionString: handle.location });
    await client.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
      return await fn();
    } finally {
      // Ending the session releases the lock too; unlock first so the next process need not wait for the socket to close.
      await client.query('select pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]).catch(() => undefined);
      await client.end().catch(() => undefined);
    }
  }
  if (handle.location === ':memory:') return fn();
  // timeout 0: a busy lock is reported at once, and the wait below polls without blocking the event loop.
  const lock = new SQLite(`${handle.location}.lock`, { timeout: 0 });
  try {
    const deadline = Date.now() + SQLITE_LOCK_WAIT_MS;
    for (;;) {
      try {
        lock.exec('begin exclusive');
        break;
      } catch (e) {
        if ((e as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    try {
      return await fn();
    } finally {
      lock.exec('rollback');
    }
  } finally {
    lock.close();
  }
}

/**
 * Kysely's SQLite driver prepares every statement on every call; keep the prepared ones. Safe because Kysely runs
 * one query at a time on its single SQLite connection.
 */
function withStatementCache(sqlite: SQLite.Database) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      let statement = cache.get(text);
      if (!statement) {
        statement = sqlite.prepare(text);
        if (cache.size >= 500) cache.clear();
        cache.set(text, statement);
      }
      return statement;
    },
  };
}

/**
 * A query the hottest reads run thousands of times a second, built and compiled once per dialect instead of on every call
 * (building and compiling cost about 8 µs a query, as much as SQLite takes to run a lookup by key): `build` receives
 * stand-ins for the values, which are bound by position at each run. The query must not change shape with the values.
 */
export function preparedQuery<P extends unknown[], R>(build: (db: Kysely<Database>, ...values: P) => Compilable<R>) {
  const compiled = new Map<DialectName, { sql: string; slots: (number | { value: unknown })[] }>();
  return async (db: DbOrTrx, ...values: P): Promise<R[]> => {
    const dialect = dialectOf(db);
    let q = compiled.get(dialect);
    if (!q) {
      const standIns = values.map((_, i) => `\u0000prepared-value-${i}`);
      const c = build(db, ...(standIns as P)).compile();
      q = { sql: c.sql, slots: c.parameters.map((p) => (standIns.includes(p as string) ? standIns.indexOf(p as string) : { value: p })) };
      compiled.set(dialect, q);
    }
    const parameters = q.slots.map((s) => (typeof s === 'number' ? values[s] : s.value));
    return (await db.executeQuery<R>(CompiledQuery.raw(q.sql, parameters))).rows;
  };
}

export function dialectOf(db: Kysely<any>): DialectName {
  const name = db.getExecutor().adapter.constructor.name;
  return name.startsWith('Postgres') ? 'postgres' : 'sqlite';
}

/** Upper bound for the subtree of a materialised path: '/a/b/' covers ['/a/b/', '/a/b0'). Ids are [0-9a-z], so '0' follows '/'. */
export function subtreeUpperBound(placePath: string): string {
  return placePath.slice(0, -1) + '0';
}

export const nowSql = sql<string>`CURRENT_TIMESTAMP`;

/**
 * A unique constraint refused the write (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE); with `column`, only when
 * the constraint is on that column (PostgreSQL names it `<table>_<column>_key`, SQLite's message names `table.column`).
 */
export function isUniqueViolation(e: unknown, column?: string): boolean {
  const err = e as { code?: string; constraint?: string; message?: string } | null;
  if (err?.code !== '23505' && err?.code !== 'SQLITE_CONSTRAINT_UNIQUE') return false;
  return !column || Boolean(err.constraint?.includes(column) || err.message?.includes(`.${column}`));
}
