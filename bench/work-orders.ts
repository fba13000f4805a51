import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { CompiledQuery, Kysely, PostgresDialect, sql, SqliteDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { inSubtrees } from '../src/core/access/scope.js';
import type { AppContext } from '../src/core/context.js';
import type { Database } from '../src/core/schema.js';
import { scanOverdue } from '../src/modules/work-orders/commands/scan-overdue.js';
import { toWorkOrder } from '../src/modules/work-orders/queries.js';
import { listWorkOrders } from '../src/modules/work-orders/commands/list-work-orders.js';
import { ZWorkOrderQuery } from '../src/modules/work-orders/schema.js';
import type { Actor } from '../src/core/access/actor.js';
import { ranking } from '../src/modules/rates/index.js';
import { benchCipher, benchDataDir, flag, int, isMain, log, option, percentile, seconds, type Target } from './support.js';
import { dropPgWo, generateWorkOrders, NOW, openWo, pgWoUrl, WO_DISTRICT, type WoGenerateReport } from './work-orders-data.js';

/**
 * Work-order benchmarks on a generated district year: the three-rate ranking for one month (street and community
 * level), a street's inbox first page with its count, and the overdue scan, each timed over repeated runs, with the
 * plans. --proposals also times them with the index proposed for src (created in the bench database only).
 */
export const MONTH = '2026-10';
const STREET_PATH = `/${WO_DISTRICT}/${WO_DISTRICT}001/`;

export interface Timing { name: string; target: number; runs: number; medianMs: number; p95Ms: number; note?: string; load: number }
export interface WoReport { target: Target; orders: number; events: number; openOrders: number; timings: Timing[]; plans: { name: string; plan: string }[]; generated?: WoGenerateReport }

/** The proposed index: the `rate` events of one order, newest last, with what the rated query reads (see the report). */
export const PROPOSED_INDEX = `create index events_rate on events (entity_id, at, id) where entity_type = 'work_order' and action = 'rate'`;

function loggingDb(target: Target, captured: LogEvent[]): { db: Kysely<Database>; close: () => Promise<void>; raw?: pg.Pool } {
  const log = (e: LogEvent) => void captured.push(e);
  if (target === 'postgres') {
    const pool = new pg.Pool({ connectionString: pgWoUrl(), max: 10 });
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log }), close: () => pool.end(), raw: pool };
  }
  const handle = openWo('sqlite');
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: handle.sqlite! }), log }), close: () => handle.close() };
}

async function time(runs: number, fn: () => Promise<unknown>): Promise<{ medianMs: number; p95Ms: number }> {
  await fn(); // warm-up: caches, plans
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await fn();
    ms.push(performance.now() - s);
  }
  ms.sort((a, b) => a - b);
  return { medianMs: percentile(ms, 50), p95Ms: percentile(ms, 95) };
}

function inboxQuery(db: Kysely<Database>) {
  // What GET /api/work-orders runs for a street_staff caller without filters (routes.ts): scope roots = the street.
  const q = db.selectFrom('work_orders').where((eb) => eb.or([inSubtrees(eb, 'place_path', [STREET_PATH])]));
  return {
    page: q.selectAll().orderBy('received_at', 'desc').orderBy('id', 'desc').limit(20).offset(0),
    count: q.select((eb) => eb.fn.countAll<number>().as('n')),
  };
}

/** The street staff account `wo_street` as a signed-in caller (what loadActor builds from a session). */
async function streetActor(db: Kysely<Database>): Promise<Actor> {
  const user = await db.selectFrom('users').selectAll().where('username', '=', 'wo_street').executeTakeFirstOrThrow();
  const bindings = await db.selectFrom('role_bindings').innerJoin('places', 'places.id', 'role_bindings.place_id')
    .select(['role_bindings.role', 'places.id', 'places.path', 'places.name', 'places.level']).where('role_bindings.user_id', '=', user.id).execute();
  return {
    userId: user.id, username: user.username, displayName: user.display_name, locale: user.locale, unitId: user.unit_id, sessionId: 'bench',
    bindings: bindings.map((b) => ({ role: b.role, placeId: b.id, placePath: b.path, placeName: b.name, placeLevel: b.level })),
  };
}

function overdueQuery(db: Kysely<Database>) {
  // The select of scanOverdue (commands/scan-overdue.ts).
  return db.selectFrom('work_orders').select(['id', 'escalation', 'resolve_due'])
    .where('state', 'in', ['accepted', 'dispatched', 'taken']).where('resolve_due', '<', NOW.toISOString()).where('escalation', '<', 2);
}

async function explain(db: Kysely<Database>, target: Target, q: CompiledQuery): Promise<string> {
  const prefix = target === 'postgres' ? 'explain (analyze, costs off, timing off, summary off) ' : 'explain query plan ';
  const r = await db.executeQuery(CompiledQuery.raw(prefix + q.sql, [...q.parameters]));
  return (r.rows as Record<string, unknown>[]).map((row) => (target === 'postgres' ? String(row['QUERY PLAN']) : String(row['detail']))).join('\n');
}

export async function benchWorkOrders(target: Target, opts: { runs?: number; proposals?: boolean; generated?: WoGenerateReport } = {}): Promise<WoReport> {
  const runs = opts.runs ?? 10;
  const captured: LogEvent[] = [];
  const { db, close, raw } = loggingDb(target, captured);
  const ctx: AppContext = {
    handle: { db, dialect: target, close: async () => {} },
    cipher: benchCipher(),
    config: { ...loadConfig({ DATA_DIR: benchDataDir }), districtCode: WO_DISTRICT },
  };
  const load = () => os.loadavg()[0]!;
  const timings: Timing[] = [];
  const plans: { name: string; plan: string }[] = [];
  try {
    const counts = await sql<{ orders: number; events: number; open: number }>`select (select count(*) from work_orders) as orders,
      (select count(*) from events) as events,
      (select count(*) from work_orders where state in ('received', 'accepted', 'dispatched', 'taken', 'resolved', 'followed_up')) as open`.execute(db);
    const c = counts.rows[0]!;
    log(`${target}: ${int(Number(c.orders))} orders, ${int(Number(c.events))} events`);
    const variants = opts.proposals ? ['as is', 'with proposed index'] : ['as is'];
    for (const variant of variants) {
      const suffix = variant === 'as is' ? '' : ' + proposed index';
      if (variant !== 'as is') {
        const s = performance.now();
        await sql.raw(PROPOSED_INDEX).execute(db);
        await sql.raw(target === 'postgres' ? 'analyze events' : 'analyze').execute(db);
        log(`${target}: proposed index built in ${seconds(performance.now() - s)}`);
      }
      for (const level of ['street', 'community'] as const) {
        const rows = await ranking(ctx, MONTH, level);
        captured.length = 0;
        const t = await time(runs, () => ranking(ctx, MONTH, level));
        // Per-query durations of the last run (the three monthFigures queries run side by side).
        const last = captured.filter((e) => /count\(\*\)/.test(e.query.sql)).slice(-3)
          .map((e) => `${/work_order_ratings/.test(e.query.sql) ? 'rated' : /resolve_due >=/.test(e.query.sql) ? 'due' : 'received'} ${e.queryDurationMillis.toFixed(0)} ms`);
        timings.push({ name: `ranking(ctx, '${MONTH}', '${level}')${suffix}`, target: 1000, runs, ...t, load: load(),
          note: `${rows.length} offices, ${int(rows.reduce((n, r) => n + r.received, 0))} received, ${int(rows.reduce((n, r) => n + r.rated, 0))} rated; last run: ${last.join(', ')}` });
        log(`${target}: ranking ${level}${suffix}: median ${t.medianMs.toFixed(0)} ms, p95 ${t.p95Ms.toFixed(0)} ms`);
      }
      if (variant === 'as is' || target === 'postgres') {
        captured.length = 0;
        await ranking(ctx, MONTH, 'community');
        const rated = captured.find((e) => /work_order_ratings/.test(e.query.sql));
        if (rated) plans.push({ name: `rated query of monthFigures${suffix}`, plan: await explain(db, target, rated.query) });
      }
      const inbox = inboxQuery(db);
      const t = await time(runs * 3, async () => {
        const [rows, total] = await Promise.all([inbox.page.execute(), inbox.count.executeTakeFirstOrThrow()]);
        return { items: rows.map((r) => toWorkOrder(r)), total: Number(total.n) };
      });
      const total = Number((await inbox.count.executeTakeFirstOrThrow()).n);
      timings.push({ name: `street list, scoped query alone: first page (20) + count${suffix}`, target: 100, runs: runs * 3, ...t, load: load(), note: `total ${int(total)}; the figure measured before 2026-12-02` });
      if (variant === 'as is') {
        plans.push({ name: 'inbox page', plan: await explain(db, target, inbox.page.compile()) });
        plans.push({ name: 'inbox count', plan: await explain(db, target, inbox.count.compile()) });
      }
      // What GET /api/work-orders answers street staff: the table, and the inbox (?mine=true: what waits on them, with counts by step).
      const actor = await streetActor(db);
      for (const mine of ['false', 'true'] as const) {
        const query = ZWorkOrderQuery.parse({ mine });
        const answer = await listWorkOrders(ctx, actor, query);
        const lt = await time(runs * 3, () => listWorkOrders(ctx, actor, query));
        timings.push({ name: `street ${mine === 'true' ? 'inbox' : 'table'}: listWorkOrders, first page (20) + total${mine === 'true' ? ' + counts by step' : ''}${suffix}`, target: 100, runs: runs * 3, ...lt, load: load(),
          note: `total ${int(answer.total)}${answer.counts ? `; ${Object.entries(answer.counts).map(([k, v]) => `${k} ${int(v)}`).join(', ')}` : ''}` });
        log(`${target}: street ${mine === 'true' ? 'inbox' : 'table'}${suffix}: median ${lt.medianMs.toFixed(1)} ms, p95 ${lt.p95Ms.toFixed(1)} ms`);
      }
      const oq = overdueQuery(db);
      const ot = await time(runs * 3, () => oq.execute());
      const overdueRows = (await oq.execute()).length;
      timings.push({ name: `overdue scan: its select${suffix}`, target: 200, runs: runs * 3, ...ot, load: load(), note: `${int(overdueRows)} rows (open, past due, escalation < 2)` });
      if (variant === 'as is') {
        plans.push({ name: 'overdue scan select', plan: await explain(db, target, oq.compile()) });
        const s = performance.now();
        const first = await scanOverdue(ctx, NOW);
        const firstMs = performance.now() - s;
        timings.push({ name: 'scanOverdue(ctx, now): first run (fires the due steps)', target: 200, runs: 1, medianMs: firstMs, p95Ms: firstMs, load: load(), note: `notified ${first.notified}, supervised ${first.supervised}` });
        const steady = await time(runs * 3, () => scanOverdue(ctx, NOW));
        timings.push({ name: 'scanOverdue(ctx, now): steady state (nothing new to fire)', target: 200, runs: runs * 3, ...steady, load: load() });
      }
    }
    if (opts.proposals) await sql.raw('drop index if exists events_rate').execute(db);
    return { target, orders: Number(c.orders), events: Number(c.events), openOrders: Number(c.open), timings, plans, generated: opts.generated };
  } finally {
    await close();
    void raw;
  }
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1)) + ' ms';

export function woTable(reports: WoReport[]): string {
  const out: string[] = [];
  for (const r of reports) {
    const g = r.generated;
    out.push(`### ${r.target}: ${int(r.orders)} work orders, ${int(r.events)} events (${(r.events / r.orders).toFixed(1)} per order), ${int(r.openOrders)} open`);
    if (g) {
      out.push('', `Generated in ${seconds(g.loadMs)} (${int((g.events / g.loadMs) * 1000)} events/s)` +
        (g.indexMs ? `, secondary indexes rebuilt in ${seconds(g.indexMs)}` : '') +
        `, ratings read model (${int(g.ratings)} rows) derived in ${seconds(g.ratingsMs)}` + `, ${g.target === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE'} ${seconds(g.analyzeMs)}` +
        `; load average after ${g.loadAvg.map((l) => l.toFixed(2)).join(' / ')}.` + (g.stoppedEarly ? ' **Stopped at the time budget: fewer orders than asked for.**' : ''));
    }
    out.push('', '| Measure | target | median | p95 | runs | load (1 min) | notes |', '|---|---:|---:|---:|---:|---:|---|');
    for (const t of r.timings) {
      out.push(`| ${t.name} | < ${t.target} ms | ${t.medianMs <= t.target ? '' : '**'}${ms(t.medianMs)}${t.medianMs <= t.target ? '' : '**'} | ${ms(t.p95Ms)} | ${t.runs} | ${t.load.toFixed(2)} | ${t.note ?? ''} |`);
    }
    for (const p of r.plans) out.push('', `<details><summary>${r.target}: plan of the ${p.name}</summary>`, '', '```', p.plan, '```', '', '</details>');
    out.push('');
  }
  return out.join('\n');
}

if (isMain(import.meta.url)) {
  const targets: Target[] = [...(flag('sqlite') || !flag('pg') ? (['sqlite'] as const) : []), ...(flag('pg') ? (['postgres'] as const) : [])];
  const reports: WoReport[] = [];
  for (const target of targets) {
    let generated: WoGenerateReport | undefined;
    if (!flag('reuse')) {
      const orders = Number(option(target === 'postgres' ? 'pg-orders' : 'sqlite-orders', target === 'postgres' ? '2000000' : '200000'));
      generated = await generateWorkOrders(target, orders, Number(option('budget', '360')) * 1000);
    }
    reports.push(await benchWorkOrders(target, { runs: Number(option('runs', '10')), proposals: flag('proposals'), generated }));
  }
  console.log(woTable(reports));
  if (flag('drop')) await dropPgWo();
}
