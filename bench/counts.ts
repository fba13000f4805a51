import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Db, DbHandle } from '../src/core/db.js';
import { countsUnder, type PlaceCounts } from '../src/modules/places/queries.js';
import { LARGE_STREET_CODE } from './generate-district.js';
import { chosenTargets, int, isMain, log, openTarget, percentile, type Target } from './support.js';

export interface CountsReport {
  target: Target;
  /** 'with planner statistics' (after ANALYZE) or 'without' (SQLite only: what a database that was never analysed does). */
  statistics: 'analysed' | 'none';
  runs: number;
  medianMs: number;
  p95Ms: number;
  counts: PlaceCounts;
  plan: string[];
}

const WARM_UP = 5;
const RUNS = 50;

/** Times countsUnder on the large street, as GET /api/places/:id runs it. */
export async function benchCounts(target: Target): Promise<CountsReport[]> {
  let handle = openTarget(target);
  try {
    const reports = [await measure(handle, target, 'analysed')];
    if (target === 'sqlite') {
      // The app never runs ANALYZE itself; show what the same query costs on a database without statistics, then restore them.
      handle.sqlite!.exec('delete from sqlite_stat1');
      await handle.close();
      handle = openTarget(target);
      reports.push(await measure(handle, target, 'none'));
      handle.sqlite!.exec('analyze');
    }
    return reports;
  } finally {
    await handle.close();
  }
}

async function measure(handle: DbHandle, target: Target, statistics: CountsReport['statistics']): Promise<CountsReport> {
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
    target, statistics, runs: RUNS, medianMs: percentile(times, 50), p95Ms: percentile(times, 95), counts, plan: await plans(handle.db, target, street.path),
  };
  log(`${target} counts (${statistics} statistics): median ${report.medianMs.toFixed(1)} ms, p95 ${report.p95Ms.toFixed(1)} ms`);
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
    first ? `Large street: ${int(first.counts.household)} households, ${int(first.counts.residents)} residents, ${int(first.counts.building)} buildings; ${first.runs} runs after ${WARM_UP} warm-up runs.` : '',
    '',
    '| Database | Planner statistics | median | p95 | target < 50 ms |',
    '|---|---|---:|---:|---|',
    ...reports.map((r) => `| ${r.target} | ${r.statistics === 'analysed' ? 'analysed' : 'none (never analysed)'} | ${r.medianMs.toFixed(1)} ms | ${r.p95Ms.toFixed(1)} ms | ${r.p95Ms < 50 ? 'met' : r.medianMs < 50 ? 'median only' : '**missed**'} |`),
    '',
    'Plans:',
    ...reports.flatMap((r) => r.plan.map((p, i) => `- ${r.target}, ${r.statistics}, ${i === 0 ? 'places' : 'residents'}: \`${p}\``)),
  ];
  return lines.join('\n');
}

if (isMain(import.meta.url)) {
  const reports: CountsReport[] = [];
  for (const target of chosenTargets()) reports.push(...(await benchCounts(target)));
  console.log(countsTable(reports));
}
