import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Db, DbHandle } from '../src/core/db.js';
// The installed modules add their counts (the residents') to the places' own.
import '../src/platform.js';
import { countsUnder, type PlaceCounts } from '../src/modules/places/queries.js';
import { LARGE_STREET_CODE } from './generate-district.js';
import { chosenTargets, flag, int, isMain, log, migrateExisting, openTarget, percentile, type Target } from './support.js';

export interface CountsReport {
  target: Target;
  /** What the database looked like: as generated (analysed), never analysed (SQLite), or with a proposed index. */
  variant: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  counts: PlaceCounts;
  plan: string[];
}

const WARM_UP = 5;
const RUNS = 50;
/** The index proposed for src/migrations: a subtree range over places that covers level, so counting needs no table look-ups. */
const PROPOSED_INDEX = 'bench_places_path_level';

/** Times countsUnder on the large street, as GET /api/places/:id runs it. With `proposals`, also with the proposed index. */
export async function benchCounts(target: Target, opts: { proposals?: boolean } = {}): Promise<CountsReport[]> {
  await migrateExisting(target);
  let handle = openTarget(target);
  const reopen = async () => {
    await handle.close();
    handle = openTarget(target);
  };
  try {
    const reports = [await measure(handle, target, 'analysed')];
    if (target === 'sqlite') {
      // The app never runs ANALYZE itself; show what the same query costs on a database without statistics.
      await sql`delete from sqlite_stat1`.execute(handle.db);
      await reopen();
      reports.push(await measure(handle, target, 'never analysed'));
    }
    if (opts.proposals) {
      await sql`create index ${sql.raw(PROPOSED_INDEX)} on places (path, level)`.execute(handle.db);
      if (target === 'postgres') await sql`vacuum analyze places`.execute(handle.db);
      await reopen();
      reports.push(await measure(handle, target, `${target === 'sqlite' ? 'never analysed' : 'analysed'} + index places(path, level)`));
      await sql`drop index ${sql.raw(PROPOSED_INDEX)}`.execute(handle.db);
    }
    if (target === 'sqlite') await sql`analyze`.execute(handle.db);
    return reports;
  } finally {
    await handle.close();
  }
}

async function measure(handle: DbHandle, target: Target, variant: string): Promise<CountsReport> {
  const street = await handle.db.selectFrom('places').select(['path']).where('code', '=', LARGE_STREET_CODE).executeTakeFirstOrThrow();
  let counts = await countsUnder(handle.db, street.path);
  for (let i = 1; i < WARM_UP; i++) counts = await countsUnder(handle.db, street.path);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await countsUnder(handle.db, street.path);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const report: CountsReport = {
    target, variant, runs: RUNS, medianMs: percentile(times, 50), p95Ms: percentile(times, 95), counts, plan: await plans(handle.db, target, street.path),
  };
  log(`${target} counts (${variant}): median ${report.medianMs.toFixed(1)} ms, p95 ${report.p95Ms.toFixed(1)} ms`);
  return report;
}

/** The query plans of countsUnder's two queries, to say why a figure is what it is. */
async function plans(db: Db, target: Target, path: string): Promise<string[]> {
  const hi = path.slice(0, -1) + '0';
  const queries = [
    sql`select level, count(*) as n from places where path > ${path} and path < ${hi} group by level`,
    sql`select count(*) as n from residents where place_path >= ${path} and place_path < ${hi}`,
  ];
  const out: string[] = [];
  for (const q of queries) {
    if (target === 'sqlite') {
      const rows = await sql<{ detail: string }>`explain query plan ${q}`.execute(db);
      out.push(rows.rows.map((r) => r.detail).join('; '));
    } else {
      const rows = await sql<{ 'QUERY PLAN': string }>`explain (analyze, costs off, timing off, summary off) ${q}`.execute(db);
      out.push(rows.rows.map((r) => r['QUERY PLAN'].trim()).join('; '));
    }
  }
  return out;
}

export function countsTable(reports: CountsReport[]): string {
  const first = reports[0];
  const lines = [
    first ? `countsUnder on the large street: ${int(first.counts.household)} households, ${int(first.counts.residents ?? 0)} residents, ` +
      `${int(first.counts.building)} buildings; ${first.runs} runs after ${WARM_UP} warm-up runs, in process (no HTTP).` : '',
    '',
    '| Database | State | median | p95 | target < 50 ms |',
    '|---|---|---:|---:|---|',
    ...reports.map((r) => `| ${r.target} | ${r.variant} | ${r.medianMs.toFixed(1)} ms | ${r.p95Ms.toFixed(1)} ms | ` +
      `${r.p95Ms < 50 ? 'met' : r.medianMs < 50 ? 'median only' : '**missed**'} |`),
    '',
    'Plans:',
    ...reports.flatMap((r) => r.plan.map((p, i) => `- ${r.target}, ${r.variant}, ${i === 0 ? 'places' : 'residents'}: \`${p}\``)),
  ];
  return lines.join('\n');
}

if (isMain(import.meta.url)) {
  const reports: CountsReport[] = [];
  for (const target of chosenTargets()) reports.push(...(await benchCounts(target, { proposals: flag('proposals') })));
  console.log(countsTable(reports));
}
