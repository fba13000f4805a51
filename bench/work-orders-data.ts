import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { hashPassword } from '../src/core/auth/password.js';
import type { Role } from '../src/core/access/roles.js';
import { openDatabase, type DbHandle } from '../src/core/db.js';
import { migrateToLatest } from '../src/migrations/index.js';
import type { PlaceRow } from '../src/modules/places/queries.js';
import type { PlaceLevel } from '../src/modules/places/tables.js';
import { addWorkingDays, DEFAULT_DAYS, resolveDays } from '../src/modules/work-orders/deadlines.js';
import { rebuildRatings } from '../src/modules/rates/index.js';
import type { WorkOrderRow } from '../src/modules/work-orders/queries.js';
import { CHANNELS, DEMAND_TYPES, type Rating } from '../contracts/work-orders.js';
import { createRandom, type Random } from '../src/seed/random.js';
import { BENCH_PASSWORD } from './generate-district.js';
import { benchDataDir, int, log, pgServerUrl, seconds, type Target } from './support.js';

/**
 * A district year of work orders for the work-order benchmarks: district 990101 (10 streets × 15 communities,
 * 2 grids × 2 compounds each), orders spread uniformly over the year before NOW, each with its events at the time
 * they happened (file, accept, dispatch, take, contact…, overdue/supervise, resolve, follow_up, rate), as
 * src/modules/work-orders/seed.ts shapes them but without encryption (no reporter phone) and written in large batches.
 */
export const WO_DISTRICT = '990101';
export const PG_WO_DATABASE = 'onegrid_bench_wo';
export const woSqliteFile = path.join(benchDataDir, 'work-orders.sqlite');
/** The benchmark's "now": orders cover the year before it. */
export const NOW = new Date('2026-11-24T00:00:00Z');
const YEAR_MS = 365 * 86400_000;
export const WO_USERS: { username: string; role: Role; code: string }[] = [
  { username: 'wo_admin', role: 'district_admin', code: WO_DISTRICT },
  { username: 'wo_street', role: 'street_staff', code: `${WO_DISTRICT}001` },
  { username: 'wo_grid', role: 'grid_worker', code: `${WO_DISTRICT}001001g1` },
];

export function pgWoUrl(): string {
  const url = new URL(pgServerUrl());
  url.pathname = `/${PG_WO_DATABASE}`;
  return url.toString();
}

export function openWo(target: Target): DbHandle {
  return target === 'postgres' ? openDatabase({ databaseUrl: pgWoUrl(), dataDir: benchDataDir }) : openDatabase({ dataDir: benchDataDir, sqliteFile: woSqliteFile });
}

async function adminQuery(text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: pgServerUrl() });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}
export const dropPgWo = () => adminQuery(`drop database if exists ${PG_WO_DATABASE} with (force)`);

interface EventRow {
  at: string; actor_id: null; actor_name: string; entity_type: string; entity_id: string; action: string;
  from_state: string; to_state: string; reason: string | null; place_id: string;
}

export interface WoGenerateReport {
  target: Target;
  orders: number;
  events: number;
  loadMs: number;
  indexMs: number;
  /** Deriving the ratings read model from the loaded events (one INSERT … SELECT, rebuildRatings). */
  ratingsMs: number;
  ratings: number;
  analyzeMs: number;
  stoppedEarly: boolean;
  loadAvg: number[];
}

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
/** Like newId, but the time part is when the order was received, so ids sort as the orders came in. */
function idAt(ms: number, r: Random): string {
  let rand = '';
  for (let i = 0; i < 7; i++) rand += ALPHABET[Math.floor(r.next() * 36)];
  return ms.toString(36).padStart(9, '0') + rand;
}

interface Catalogue { compounds: PlaceRow[]; categories: { id: string; complex: boolean; unit: string; name: string }[] }

function makeBatch(r: Random, n: number, cat: Catalogue): { orders: WorkOrderRow[]; events: EventRow[] } {
  const orders: WorkOrderRow[] = [];
  const events: EventRow[] = [];
  const calendar = new Map<string, boolean>();
  const now = NOW.getTime();
  const H = 3600_000;
  const channels = CHANNELS.filter((c) => c !== 'open311');
  const types = DEMAND_TYPES.filter((t) => t !== 'consultation');
  for (let i = 0; i < n; i++) {
    const receivedMs = now - Math.floor(r.next() * YEAR_MS);
    const received = new Date(receivedMs);
    const compound = r.pick(cat.compounds);
    const category = r.pick(cat.categories);
    const type = r.next() < 0.15 ? 'consultation' : r.pick(types);
    const o: WorkOrderRow = {
      id: idAt(receivedMs, r), tracking_no: '', external_no: null, channel: r.pick(channels), demand_type: type,
      category_id: category.id, place_id: compound.id, place_path: compound.path, office_id: compound.path.split('/')[3]!, title: `${category.name}:${compound.name}`,
      description: `居民反映${compound.name}${category.name}问题,请尽快处理。`, address_enc: null, address_masked: null, lat: null, lng: null,
      reporter_name: null, reporter_name_enc: null, confidential: 0, urgency: 0, reporter_phone_enc: null, reporter_phone_masked: null, reporter_phone_index: null,
      state: 'received', assignee_kind: null, assignee_id: null, dispatcher_id: null, filed_by: null, reopen_count: 0, supervised: 0, escalation: 0, merged_into: null,
      received_at: received.toISOString(), accept_due: addWorkingDays(received, DEFAULT_DAYS.accept, calendar).toISOString(), contact_due: null,
      resolve_due: addWorkingDays(received, resolveDays(type, category), calendar).toISOString(),
      accepted_at: null, first_contact_at: null, resolved_at: null, closed_at: null, result: null, rating: null, rating_comment: null,
      version: 1, created_at: received.toISOString(), updated_at: received.toISOString(),
    };
    o.tracking_no = `${o.received_at.slice(0, 10).replace(/-/g, '')}-${o.id.slice(9).toUpperCase()}${o.id.slice(5, 9).toUpperCase()}`;
    orders.push(o);
    let version = 1;
    const ev = (action: string, atMs: number, from: object, to: object): boolean => {
      if (atMs > now) return false;
      const at = new Date(atMs).toISOString();
      events.push({ at, actor_id: null, actor_name: 'bench', entity_type: 'work_order', entity_id: o.id, action, from_state: JSON.stringify(from), to_state: JSON.stringify(to), reason: null, place_id: o.place_id });
      o.updated_at = at;
      o.version = ++version;
      return true;
    };
    o.version = 1;
    events.push({ at: o.received_at, actor_id: null, actor_name: 'bench', entity_type: 'work_order', entity_id: o.id, action: 'file', from_state: '{"state":"received"}',
      to_state: JSON.stringify({ state: 'received', channel: o.channel, demandType: o.demand_type, categoryId: o.category_id, trackingNo: o.tracking_no, externalNo: null }), reason: null, place_id: o.place_id });
    if (r.next() < 0.02) {
      const at = receivedMs + r.int(1, 20) * H;
      if (ev('reject', at, { state: 'received' }, { state: 'rejected' })) Object.assign(o, { state: 'rejected', closed_at: new Date(at).toISOString() });
      continue;
    }
    const accepted = receivedMs + (r.next() < 0.9 ? r.int(1, 20) : r.int(30, 60)) * H;
    if (!ev('accept', accepted, { state: 'received' }, { state: 'accepted' })) continue;
    Object.assign(o, { state: 'accepted', accepted_at: new Date(accepted).toISOString() });
    const dispatched = accepted + H;
    if (!ev('dispatch', dispatched, { state: 'accepted' }, { state: 'dispatched', assignee: { kind: 'unit', id: category.unit } })) continue;
    Object.assign(o, { state: 'dispatched', assignee_kind: 'unit', assignee_id: category.unit, contact_due: addWorkingDays(new Date(dispatched), DEFAULT_DAYS.contact, calendar).toISOString() });
    let t = dispatched + 2 * H;
    if (!ev('take', t, { state: 'dispatched' }, { state: 'taken' })) continue;
    o.state = 'taken';
    if (r.next() < 0.5 && ev('call_in', t + H, { units: [] }, { units: [cat.categories[0]!.unit] })) t += H;
    const due = new Date(o.resolve_due!).getTime();
    const stuck = r.next() < 0.005;
    const resolved = stuck ? Infinity : r.next() < 0.85 ? receivedMs + (due - receivedMs) * (0.2 + 0.8 * r.next()) : due + r.int(2, 72) * H;
    for (let c = r.int(2, 4); c > 0; c--) {
      t += r.int(1, 12) * H;
      if (t >= resolved || !ev('contact', t, {}, { note: '已电话联系居民' })) break;
      o.first_contact_at ??= new Date(t).toISOString();
    }
    // Past the deadline while still open: the overdue scan notified (step 1) and, a day later, supervised (step 2).
    if (resolved > due && ev('overdue', due + 60_000, { escalation: 0 }, { escalation: 1 })) {
      o.escalation = 1;
      if (resolved > due + 24 * H && ev('supervise', due + 24 * H + 60_000, { escalation: 1 }, { escalation: 2, supervised: true })) Object.assign(o, { escalation: 2, supervised: 1 });
    }
    if (!ev('resolve', resolved, { state: 'taken' }, { state: 'resolved' })) continue;
    Object.assign(o, { state: 'resolved', resolved_at: new Date(resolved).toISOString(), result: '已现场处理完毕' });
    let last = resolved;
    if (r.next() < 0.7) {
      last += r.int(2, 24) * H;
      if (!ev('follow_up', last, { state: 'resolved' }, { state: 'followed_up' })) continue;
      o.state = 'followed_up';
    }
    const rated = last + r.int(4, 48) * H;
    const x = r.next();
    const rating: Rating = x < 0.72 ? 'satisfied' : x < 0.92 ? 'basically_satisfied' : 'not_satisfied';
    if (!ev('rate', rated, { state: o.state }, { state: 'closed', rating })) continue;
    Object.assign(o, { state: 'closed', rating, closed_at: new Date(rated).toISOString() });
  }
  return { orders, events };
}

const INT_COLUMNS = new Set(['reopen_count', 'supervised', 'escalation', 'version', 'depth', 'three_no', 'sort_order', 'urgency', 'confidential']);
const REAL_COLUMNS = new Set(['lat', 'lng']);

/** One INSERT … SELECT FROM unnest($1::text[], …) per batch: one parameter per column, any number of rows. */
async function pgInsert(client: pg.PoolClient | pg.Client, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const cols = Object.keys(rows[0]!);
  const types = cols.map((c) => (INT_COLUMNS.has(c) ? 'int[]' : REAL_COLUMNS.has(c) ? 'float8[]' : 'text[]'));
  const text = `insert into ${table} (${cols.join(', ')}) select * from unnest(${cols.map((_, i) => `$${i + 1}::${types[i]}`).join(', ')})`;
  await client.query(text, cols.map((c) => rows.map((row) => row[c] ?? null)));
}

async function insertFixtures(handle: DbHandle): Promise<Catalogue> {
  const { db } = handle;
  const now = NOW.toISOString();
  const make = (code: string, name: string, level: PlaceLevel, parent: PlaceRow | null, sort: number): PlaceRow => ({
    id: code, parent_id: parent?.id ?? null, level, name, code, path: `${parent?.path ?? '/'}${code}/`, depth: (parent?.depth ?? -1) + 1,
    compound_type: null, three_no: 0, address_enc: null, address_masked: null, sort_order: sort, version: 1, created_at: now, updated_at: now,
  });
  const district = make(WO_DISTRICT, '基准区', 'district', null, 0);
  const places: PlaceRow[] = [district];
  const compounds: PlaceRow[] = [];
  for (let s = 1; s <= 10; s++) {
    const street = make(`${WO_DISTRICT}${String(s).padStart(3, '0')}`, `基准第${s}街道`, 'street', district, s);
    places.push(street);
    for (let c = 1; c <= 15; c++) {
      const community = make(`${street.code}${String(c).padStart(3, '0')}`, `第${s}街道第${c}社区`, 'community', street, c);
      places.push(community);
      for (let g = 1; g <= 2; g++) {
        const grid = make(`${community.code}g${g}`, `第${g}网格`, 'grid', community, g);
        places.push(grid);
        for (let k = 1; k <= 2; k++) {
          const compound = make(`${grid.code}k${k}`, `${community.name}${g}${k}小区`, 'compound', grid, k);
          places.push(compound);
          compounds.push(compound);
        }
      }
    }
  }
  const units = ['城管执法中队', '住建办', '市政维护所', '供电所', '社保所', '综治中心'].map((name, i) => ({
    id: `unit${i}`, kind: 'department' as const, name, place_id: district.id, place_path: district.path, version: 1, created_at: now, updated_at: now,
  }));
  const cats = ['垃圾清运', '占道经营', '违章搭建', '电梯故障', '小区停车', '物业服务', '路灯损坏', '道路破损', '下水道堵塞', '噪音扰民', '社保医保', '养老服务', '邻里纠纷', '其他'];
  const categories = cats.map((name, i) => ({
    id: `cat${i}`, code: `cat${i}`, name, group_name: '基准', description: null, default_unit_id: units[i % units.length]!.id, priority: 'normal' as const,
    complex: i === 2 || i === 12 ? 1 : 0, active: 1, place_id: district.id, place_path: district.path, version: 1, created_at: now, updated_at: now,
  }));
  const hash = await hashPassword(BENCH_PASSWORD);
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < places.length; i += 500) await trx.insertInto('places').values(places.slice(i, i + 500)).execute();
    await trx.insertInto('units').values(units).execute();
    await trx.insertInto('categories').values(categories).execute();
    for (const u of WO_USERS) {
      const place = places.find((p) => p.code === u.code)!;
      await trx.insertInto('users').values({
        id: u.username, username: u.username, display_name: u.username, password_hash: hash, place_id: place.id, place_path: place.path,
        failed_logins: 0, locked_until: null, disabled: 0, locale: 'zh-CN', version: 1, created_at: now, updated_at: now,
      }).execute();
      await trx.insertInto('role_bindings').values({ id: `rb_${u.username}`, user_id: u.username, role: u.role, place_id: place.id, created_at: now }).execute();
    }
  });
  return { compounds, categories: categories.map((c) => ({ id: c.id, complex: Boolean(c.complex), unit: c.default_unit_id, name: c.name })) };
}

/**
 * Generates `orders` work orders (about 9 events each) into a fresh database. On PostgreSQL the secondary indexes of
 * work_orders, events and work_order_ratings are dropped for the load and rebuilt after it (their definitions read from
 * pg_indexes), and batches go as unnest() inserts on two connections. The events bypass appendEvents, so the ratings
 * read model is derived from them after the load (rebuildRatings). Stops after `budgetMs` of loading and says so.
 */
export async function generateWorkOrders(target: Target, orders: number, budgetMs: number): Promise<WoGenerateReport> {
  if (target === 'postgres') {
    await dropPgWo();
    await adminQuery(`create database ${PG_WO_DATABASE}`);
  } else {
    const fs = await import('node:fs');
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(woSqliteFile + suffix, { force: true });
  }
  const handle = openWo(target);
  const r = createRandom(20261124);
  let done = 0;
  let eventCount = 0;
  let stoppedEarly = false;
  let indexMs = 0;
  let ratingsMs = 0;
  let ratings = 0;
  try {
    await migrateToLatest(handle.db);
    const cat = await insertFixtures(handle);
    const started = performance.now();
    if (target === 'postgres') {
      const pool = new pg.Pool({ connectionString: pgWoUrl(), max: 2 });
      const defs = (await pool.query<{ indexname: string; indexdef: string }>(
        `select indexname, indexdef from pg_indexes where tablename in ('work_orders', 'events', 'work_order_ratings') and indexname not like '%pkey'
         and indexdef not like 'CREATE UNIQUE%'`)).rows;
      for (const d of defs) await pool.query(`drop index ${d.indexname}`);
      const BATCH = 10_000;
      const inFlight = new Set<Promise<void>>();
      while (done < orders) {
        if (performance.now() - started > budgetMs) {
          stoppedEarly = true;
          break;
        }
        const batch = makeBatch(r, Math.min(BATCH, orders - done), cat);
        done += batch.orders.length;
        eventCount += batch.events.length;
        const p = (async () => {
          const client = await pool.connect();
          try {
            await client.query('begin');
            await pgInsert(client, 'work_orders', batch.orders as unknown as Record<string, unknown>[]);
            for (let i = 0; i < batch.events.length; i += 50_000) await pgInsert(client, 'events', batch.events.slice(i, i + 50_000) as unknown as Record<string, unknown>[]);
            await client.query('commit');
          } finally {
            client.release();
          }
        })();
        inFlight.add(p);
        void p.finally(() => inFlight.delete(p));
        if (inFlight.size >= 2) await Promise.race(inFlight);
        if (done % 100_000 === 0) log(`${target}: ${int(done)} orders, ${int(eventCount)} events, ${seconds(performance.now() - started)}, load ${os().toFixed(2)}`);
      }
      await Promise.all(inFlight);
      const loadMs = performance.now() - started;
      const indexStarted = performance.now();
      // Two connections: the two tables' indexes build side by side.
      await Promise.all(['work_orders', 'events'].map(async (table) => {
        for (const d of defs.filter((x) => x.indexdef.includes(` ON public.${table} `))) await pool.query(d.indexdef);
      }));
      indexMs = performance.now() - indexStarted;
      // The read model from the indexed events (events_rate_at, work_orders_id_office), then its own indexes.
      const ratingsStarted = performance.now();
      ratings = await rebuildRatings(handle.db);
      for (const d of defs.filter((x) => x.indexdef.includes(' ON public.work_order_ratings '))) await pool.query(d.indexdef);
      ratingsMs = performance.now() - ratingsStarted;
      await pool.end();
      const analyzeStarted = performance.now();
      await sql`vacuum analyze work_orders`.execute(handle.db);
      await sql`vacuum analyze events`.execute(handle.db);
      await sql`vacuum analyze work_order_ratings`.execute(handle.db);
      return { target, orders: done, events: eventCount, loadMs, indexMs, ratingsMs, ratings, analyzeMs: performance.now() - analyzeStarted, stoppedEarly, loadAvg: loadavg() };
    }
    const sqlite = handle.sqlite!;
    const orderCols = Object.keys(makeBatch(createRandom(1), 1, cat).orders[0]!);
    const insOrder = sqlite.prepare(`insert into work_orders (${orderCols.join(', ')}) values (${orderCols.map((c) => '@' + c).join(', ')})`);
    const insEvent = sqlite.prepare(`insert into events (at, actor_id, actor_name, entity_type, entity_id, action, from_state, to_state, reason, place_id)
      values (@at, @actor_id, @actor_name, @entity_type, @entity_id, @action, @from_state, @to_state, @reason, @place_id)`);
    const write = sqlite.transaction((b: ReturnType<typeof makeBatch>) => {
      for (const o of b.orders) insOrder.run(o);
      for (const e of b.events) insEvent.run(e);
    });
    while (done < orders) {
      if (performance.now() - started > budgetMs) {
        stoppedEarly = true;
        break;
      }
      const batch = makeBatch(r, Math.min(20_000, orders - done), cat);
      write(batch);
      done += batch.orders.length;
      eventCount += batch.events.length;
      if (done % 100_000 === 0) log(`${target}: ${int(done)} orders, ${int(eventCount)} events, ${seconds(performance.now() - started)}`);
    }
    const loadMs = performance.now() - started;
    const ratingsStarted = performance.now();
    ratings = await rebuildRatings(handle.db);
    ratingsMs = performance.now() - ratingsStarted;
    const analyzeStarted = performance.now();
    sqlite.exec('analyze');
    return { target, orders: done, events: eventCount, loadMs, indexMs, ratingsMs, ratings, analyzeMs: performance.now() - analyzeStarted, stoppedEarly, loadAvg: loadavg() };
  } finally {
    await handle.close();
  }
}

import { loadavg } from 'node:os';
const os = () => loadavg()[0]!;
