import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { SelectQueryBuilder } from 'kysely';
import type { Policy } from './access/policy.js';
import type { AppContext } from './context.js';
import type { Db, DbOrTrx } from './db.js';
import type { Message } from './errors.js';
import type { EventProjection } from './events.js';
import type { LifecycleDef } from './lifecycle/types.js';
import type { ScopeSuite } from './scope-suite.js';

/** A table that keeps a copy of its place's path; a move re-paths it in the move's transaction. */
export interface PathCopy {
  table: string;
  column?: string;
}

/** Rows that may go once expired: the purge job deletes them in batches. */
export interface ExpiringRows {
  table: string;
  /** The column compared with the purge time; `expires_at` unless given. */
  column?: string;
  /** Kept this long past expiry (e.g. one-time codes, which the hourly limit still counts). */
  graceMs?: number;
}

/** Scheduled work: the one runner calls `run` every `everyMs`; with several processes on PostgreSQL one of them runs it. */
export interface Job {
  name: string;
  everyMs: number;
  /** Wait before the first run (default: a few seconds after start). */
  firstAfterMs?: number;
  run(ctx: AppContext): Promise<unknown>;
}

/** A read model derived from the event log: kept by appendEvents, derivable again from the log. */
export interface ReadModel extends EventProjection {
  name: string;
  rebuild(db: DbOrTrx): Promise<void>;
}

/** A ledger (台账) the module exports: listed on the ledgers page for those who may export it. */
export interface LedgerEntry {
  key: string;
  title: Message;
  /** The ability needed to see it on the ledgers page. */
  subject: string;
  action: string;
  /** The export address; `{placeId}` and `{month}` are filled in by the page. */
  href: string;
  /** What the page asks before exporting. */
  params?: readonly ('placeId' | 'month')[];
}

/** A count a module adds to a place's counts (GET /api/places/{id}): how many of its records lie in the place's subtree. */
export interface PlaceCount {
  key: string;
  count(db: DbOrTrx, placePath: string): Promise<number>;
}

/** A figure the module offers the command dashboard. */
export interface Figure {
  key: string;
  label: Message;
  unit: 'count' | 'percent' | 'score';
  /** The figure for a place's subtree (its path) in a period [from, to). */
  query(db: Db, placePath: string, period: { from: string; to: string }): Promise<number | null>;
}

/**
 * How the module's records are named where people read the event log (a work order by its tracking number, a place by
 * its name): a subquery of ids and names that the timeline and the audit log select from, one statement for any page.
 */
export interface RecordNames {
  entityType: string;
  names(db: DbOrTrx): SelectQueryBuilder<any, any, { id: string; name: string }>;
}

/** A place of the demo street that seeds hang their data on. */
export interface DemoPlace {
  id: string;
  path: string;
  name: string;
}

/** What src/seed/demo.ts hands each module's seed: the demo's places and accounts, its random numbers and its size. */
export interface DemoContext {
  log: (msg: string) => void;
  /** Months of history to generate (none in tests, which build their own). */
  historyMonths: number;
  /** The demo's seeded random numbers, shared in manifest order so the demo is the same on every machine. */
  random: { next(): number; int(min: number, max: number): number; pick<T>(items: readonly T[]): T };
  places: Record<'district' | 'street' | 'community' | 'grid1' | 'grid2' | 'building' | 'household', DemoPlace>;
  /** The demo accounts by username (empty for a seed that runs before them). */
  users: Readonly<Record<string, { id: string; displayName: string }>>;
}

/**
 * Demo data the module adds, run in manifest order after the places and the demo accounts are seeded. What the accounts
 * themselves link to (units) says `beforeAccounts`: it runs after the places, before the accounts.
 */
export interface Seed {
  beforeAccounts?: boolean;
  run(ctx: AppContext, demo: DemoContext): Promise<void>;
}

/**
 * What a module declares to the platform (Decidim's component manifest): the platform reads these instead of each shared
 * file learning about each module.
 */
export interface ModuleManifest {
  name: string;
  /** Route plugins, each served under `prefix` (default /api). */
  routes?: readonly FastifyPluginAsyncZod[];
  prefix?: string;
  /** Policies whose abilities are sent to the UI with /api/me. */
  policies?: readonly Policy<any>[];
  /** State tables run by the lifecycle engine (core/lifecycle). */
  lifecycles?: readonly LifecycleDef<any, string, string, string>[];
  pathCopies?: readonly PathCopy[];
  readModels?: readonly ReadModel[];
  expiring?: readonly ExpiringRows[];
  jobs?: readonly Job[];
  seed?: Seed;
  ledgers?: readonly LedgerEntry[];
  figures?: readonly Figure[];
  placeCounts?: readonly PlaceCount[];
  recordNames?: readonly RecordNames[];
  /** Names of the tables the module owns (its tables.ts). */
  tables?: readonly string[];
  /**
   * The module's scope cases (its `scope-cases.ts`, test code), loaded only by src/test/scope.test.ts:
   * `() => import('./scope-cases.js').then((m) => m.scopeSuite)`. Every module that serves routes has one.
   */
  scopeCases?: () => Promise<ScopeSuite<any>>;
}

export const defineModule = (m: ModuleManifest): ModuleManifest => m;
