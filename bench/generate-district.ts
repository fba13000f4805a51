import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { hashPassword } from '../src/core/auth/password.js';
import type { Db } from '../src/core/db.js';
import type { Role } from '../src/core/access/roles.js';
import { newId, nowIso } from '../src/core/ids.js';
import { migrateToLatest } from '../src/migrations/index.js';
import type { PlaceRow } from '../src/modules/places/queries.js';
import type { PlaceLevel } from '../src/modules/places/tables.js';
import { generateBelow, type GenerateCounts, type GenerateOptions } from '../src/seed/generate.js';
import { createRandom } from '../src/seed/random.js';
import {
  benchCipher, benchDataDir, chosenTargets, int, isMain, log, openTarget, option, recreatePgBenchDatabase, seconds, sqliteFile, type Target,
} from './support.js';

/** A synthetic district on made-up codes (99xxxx is no real province), shaped like a large one. */
export const DISTRICT_CODE = '990101';
export const STREETS = 10;
export const COMMUNITIES_PER_STREET = 15;
/** Street 1 is the large one (~100k households, the counts benchmark); the other nine share ~300k. */
export const LARGE_STREET_CODE = `${DISTRICT_CODE}001`;
export const BENCH_PASSWORD = 'OneGrid!2026';
export const BENCH_USERS: { username: string; role: Role; placeCode: string }[] = [
  { username: 'bench_admin', role: 'district_admin', placeCode: DISTRICT_CODE },
  { username: 'bench_street', role: 'street_staff', placeCode: LARGE_STREET_CODE },
];

type Shape = Omit<GenerateOptions, 'events' | 'areaCode' | 'onProgress'>;
// 10 grids × 3 compounds × 5 buildings per community; households per building set the size: 45 → ~101k, 15 → ~34k per street.
const common = { gridsPerCommunity: [10, 10], compoundsPerGrid: [2, 4], buildingsPerCompound: [3, 7], residentsPerHousehold: [1, 4] } as const;
const LARGE_STREET: Shape = { ...common, householdsPerBuilding: [36, 54] };
const OTHER_STREET: Shape = { ...common, householdsPerBuilding: [10, 20] };

export interface Phase {
  name: string;
  ms: number;
  rows: number;
}

export interface GenerateReport {
  target: Target;
  phases: Phase[];
  totalMs: number;
  counts: GenerateCounts & { streets: number; communities: number };
}

/** Builds the district into a fresh database (the SQLite file is replaced; the PostgreSQL bench database is recreated). */
export async function generateDistrict(target: Target, opts: { communitiesPerStreet?: number } = {}): Promise<GenerateReport> {
  const perStreet = opts.communitiesPerStreet ?? COMMUNITIES_PER_STREET;
  if (target === 'sqlite') for (const suffix of ['', '-wal', '-shm']) fs.rmSync(sqliteFile + suffix, { force: true });
  else await recreatePgBenchDatabase();
  fs.mkdirSync(benchDataDir, { recursive: true });
  const handle = openTarget(target);
  const { db } = handle;
  const cipher = benchCipher();
  const phases: Phase[] = [];
  const phase = async <T>(name: string, rows: (result: T) => number, fn: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await fn();
    phases.push({ name, ms: performance.now() - started, rows: rows(result) });
    log(`${target}: ${name} ${seconds(phases.at(-1)!.ms)}`);
    return result;
  };
  try {
    await phase('schema (migrations)', () => 0, () => migrateToLatest(db));
    const { streets } = await phase('district, streets, communities', (r) => 1 + r.streets.length + r.communities.length, () =>
      insertDivisions(db, perStreet));
    const random = createRandom(99010120);
    const total: GenerateCounts = { grids: 0, compounds: 0, buildings: 0, households: 0, residents: 0 };
    const started = performance.now();
    const generate = async (list: typeof streets, shape: Shape) => {
      for (const s of list) {
        const counts = await generateBelow(db, cipher, random, s.communities, { ...shape, events: false, areaCode: DISTRICT_CODE });
        for (const k of Object.keys(total) as (keyof GenerateCounts)[]) total[k] += counts[k];
        log(`${target}: ${int(total.households)} households, ${int(total.residents)} residents, ` +
          `${int((total.residents / (performance.now() - started)) * 1000)} residents/s`);
      }
      return total;
    };
    let seen = 0;
    // Rows written by this phase: the running total minus what earlier phases wrote.
    const delta = (c: GenerateCounts) => {
      const all = Object.values(c).reduce((a, b) => a + b, 0);
      const rows = all - seen;
      seen = all;
      return rows;
    };
    await phase('large street: grids → residents', delta, () => generate(streets.slice(0, 1), LARGE_STREET));
    await phase(`other ${streets.length - 1} streets: grids → residents`, delta, () => generate(streets.slice(1), OTHER_STREET));
    await phase('accounts', () => BENCH_USERS.length, () => insertAccounts(db));
    await phase('planner statistics (ANALYZE; VACUUM ANALYZE on PostgreSQL)', () => 0, () => analyze(db, target));
    const counts = { ...total, streets: streets.length, communities: streets.reduce((n, s) => n + s.communities.length, 0) };
    return { target, phases, totalMs: phases.reduce((n, p) => n + p.ms, 0), counts };
  } finally {
    await handle.close();
  }
}

async function insertDivisions(db: Db, perStreet: number) {
  const now = nowIso();
  const make = (code: string, name: string, level: PlaceLevel, parent: PlaceRow | null, sort: number): PlaceRow => ({
    id: code, parent_id: parent?.id ?? null, level, name, code, path: `${parent?.path ?? '/'}${code}/`, depth: (parent?.depth ?? -1) + 1,
    compound_type: null, three_no: 0, address_enc: null, address_masked: null, sort_order: sort, version: 1, created_at: now, updated_at: now,
  });
  const district = make(DISTRICT_CODE, '基准区', 'district', null, 0);
  const streets = Array.from({ length: STREETS }, (_, i) => {
    const street = make(`${DISTRICT_CODE}${String(i + 1).padStart(3, '0')}`, `基准第${i + 1}街道`, 'street', district, i + 1);
    const communities = Array.from({ length: perStreet }, (_, j) =>
      make(`${street.code}${String(j + 1).padStart(3, '0')}`, `第${i + 1}街道第${j + 1}社区`, 'community', street, j + 1));
    return { street, communities };
  });
  const rows = [district, ...streets.flatMap((s) => [s.street, ...s.communities])];
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500) await trx.insertInto('places').values(rows.slice(i, i + 500)).execute();
  });
  return { district, streets, communities: streets.flatMap((s) => s.communities) };
}

async function insertAccounts(db: Db): Promise<void> {
  const now = nowIso();
  const hash = await hashPassword(BENCH_PASSWORD);
  for (const u of BENCH_USERS) {
    const place = await db.selectFrom('places').select(['id', 'path']).where('code', '=', u.placeCode).executeTakeFirstOrThrow();
    const id = newId();
    await db.insertInto('users').values({
      id, username: u.username, display_name: u.username, password_hash: hash, place_id: place.id, place_path: place.path,
      failed_logins: 0, locked_until: null, disabled: 0, locale: 'zh-CN', version: 1, created_at: now, updated_at: now,
    }).execute();
    await db.insertInto('role_bindings').values({ id: newId(), user_id: id, role: u.role, place_id: place.id, created_at: now }).execute();
  }
}

/** Planner statistics, as a deployment would have them after autovacuum (PostgreSQL) or `PRAGMA optimize` (SQLite). */
async function analyze(db: Db, target: Target): Promise<void> {
  if (target === 'postgres') await sql`vacuum analyze`.execute(db);
  else await sql`analyze`.execute(db);
}

export function generateTable(reports: GenerateReport[]): string {
  const lines = ['| Phase | ' + reports.map((r) => r.target).join(' | ') + ' |', '|---|' + reports.map(() => '---:|').join('')];
  const names = reports[0]?.phases.map((p) => p.name) ?? [];
  const big = (p: Phase) => p.rows > 1000;
  for (const name of names) {
    lines.push(`| ${name} | ` + reports.map((r) => {
      const p = r.phases.find((x) => x.name === name);
      return p ? seconds(p.ms) + (big(p) ? ` (${int((p.rows / p.ms) * 1000)} rows/s)` : '') : '';
    }).join(' | ') + ' |');
  }
  lines.push('| **total** | ' + reports.map((r) => `**${seconds(r.totalMs)}**`).join(' | ') + ' |');
  return lines.join('\n');
}

export function countsLine(report: GenerateReport): string {
  const c = report.counts;
  return `1 district, ${c.streets} streets, ${int(c.communities)} communities, ${int(c.grids)} grids, ${int(c.compounds)} compounds, ` +
    `${int(c.buildings)} buildings, ${int(c.households)} households, ${int(c.residents)} residents`;
}

if (isMain(import.meta.url)) {
  const communitiesPerStreet = Number(option('communities', String(COMMUNITIES_PER_STREET)));
  const reports: GenerateReport[] = [];
  for (const target of chosenTargets()) {
    reports.push(await generateDistrict(target, { communitiesPerStreet }));
    console.log(`${target}: ${countsLine(reports.at(-1)!)}`);
  }
  console.log(generateTable(reports));
}
