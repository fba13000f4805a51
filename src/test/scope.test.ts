import rateLimit from '@fastify/rate-limit';
import Fastify, { type InjectOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../core/context.js';
import type { ModuleManifest } from '../core/module.js';
import type { ScopeCase, ScopeFixture, ScopePlace, UnscopedRoute } from '../core/scope-suite.js';
import { fileOne } from '../modules/work-orders/test-support.js';
import { modules } from '../platform.js';
import { createTestApp, placeByName, type Client, type TestApp } from './harness.js';

/**
 * Every route that names a record answers 404 to a caller outside the record's subtree and writes nothing. The cases
 * live with their modules (`scope-cases.ts`, named by the manifest's `scopeCases`); this file builds the shared
 * out-of-scope fixture, runs every case and fails on a route of the OpenAPI description that its module neither covers
 * with a case nor lists as unscoped with a reason.
 */

/** Routes the app serves itself (src/app.ts), outside any module. */
const APP_UNSCOPED: readonly UnscopedRoute[] = [{ route: 'GET /api/health', reason: 'the health check: the status and the database kind' }];

const suites = await Promise.all(modules.map(async (m) => ({ module: m.name, suite: await m.scopeCases?.() })));
const cases = suites.flatMap(({ module, suite }) => (suite?.cases ?? []).map((c: ScopeCase<any>) => ({ module, c })));
/** What "nothing written" compares: every table a manifest declares, and the event log by its highest id. */
const TABLES = [...new Set(modules.flatMap((m) => m.tables ?? []))];

/** The routes a module serves, as the OpenAPI description names them: its route plugins registered alone on a bare Fastify. */
async function routesOf(m: ModuleManifest, ctx: AppContext): Promise<string[]> {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('ctx', ctx);
  // What the app registers before any module's routes and some of them build on (per-route limits).
  await app.register(rateLimit, { global: false });
  const found: string[] = [];
  app.addHook('onRoute', (r) => {
    if (r.schema?.hide) return;
    for (const method of [r.method].flat()) if (method !== 'HEAD') found.push(`${method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
  });
  for (const routes of m.routes ?? []) await app.register(routes, { prefix: m.prefix ?? '/api' });
  await app.ready();
  await app.close();
  return found;
}

/** Whether a request goes to the route: its method, and its path segment by segment (`{param}` takes any one). */
function reaches(route: string, req: InjectOptions): boolean {
  const [method, template] = route.split(' ') as [string, string];
  const url = typeof req.url === 'string' ? req.url : '';
  const got = url.split('?')[0]!.split('/');
  const want = template.split('/');
  return (req.method ?? 'GET').toUpperCase() === method && got.length === want.length
    && want.every((part, i) => (/^\{\w+\}$/.test(part) ? got[i] !== '' : part === got[i]));
}

type Snapshot = { events: unknown; tables: Map<string, string[]> };

describe('scope: outside your subtree a record does not exist', () => {
  let t: TestApp;
  let fixture: ScopeFixture;
  const own = new Map<string, object>();
  const clients = new Map<string, Client>();
  let baseline: Snapshot;

  const snapshot = async (): Promise<Snapshot> => {
    const db = t.ctx.handle.db;
    const events = await db.selectFrom('events').select((eb) => eb.fn.max('id').as('max')).executeTakeFirstOrThrow();
    const tables = new Map<string, string[]>();
    for (const table of TABLES) {
      const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
      tables.set(table, rows.map((r) => JSON.stringify(r)).sort());
    }
    return { events: events.max, tables };
  };
  /** What changed between two snapshots, a few rows per table. */
  const changes = (before: Snapshot, after: Snapshot): string[] => {
    const out = before.events === after.events ? [] : [`events: highest id ${before.events} → ${after.events}`];
    for (const [table, rows] of after.tables) {
      const was = before.tables.get(table)!;
      if (was.length === rows.length && was.every((r, i) => r === rows[i])) continue;
      const [wasSet, nowSet] = [new Set(was), new Set(rows)];
      const lines = [...was.filter((r) => !nowSet.has(r)).map((r) => `- ${r}`), ...rows.filter((r) => !wasSet.has(r)).map((r) => `+ ${r}`)];
      out.push(`${table}:\n  ${lines.slice(0, 6).join('\n  ')}`);
    }
    return out;
  };

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.ctx.handle.db;
    const place = ({ id, path }: ScopePlace): ScopePlace => ({ id, path });
    const firstChild = async (parent: ScopePlace) =>
      place(await db.selectFrom('places').select(['id', 'path']).where('parent_id', '=', parent.id).orderBy('sort_order').orderBy('id').executeTakeFirstOrThrow());
    const grid2 = place(await placeByName(t, '北江社区第2网格'));
    const compound = await firstChild(grid2);
    const building = await firstChild(compound);
    const household = await firstChild(building);
    const otherGrid = await placeByName(t, '沙头社区第1网格');
    const street = await placeByName(t, '西南街道');
    fixture = {
      ctx: t.ctx,
      community: place(await placeByName(t, '北江社区')),
      grid2, compound, building, household,
      resident: await db.selectFrom('residents').select('id').where('place_id', '=', household.id).orderBy('id').executeTakeFirstOrThrow(),
      order: { id: (await fileOne(await t.as('grid2'), t, { placeId: compound.id })).id },
      otherCommunity: place(await db.selectFrom('places').select(['id', 'path']).where('id', '=', otherGrid.parent_id!).executeTakeFirstOrThrow()),
      otherGrid: place(otherGrid),
      otherStreetCommunity: place(await db.selectFrom('places').select(['id', 'path']).where('level', '=', 'community')
        .where('path', 'not like', `${street.path}%`).orderBy('id').executeTakeFirstOrThrow()),
    };
    for (const { module, suite } of suites) own.set(module, (await suite?.prepare?.(fixture)) ?? {});
    for (const who of new Set(['grid1', 'beijiang', ...cases.map(({ c }) => c.who)])) clients.set(who, await t.as(who));
    baseline = await snapshot();
  });
  afterAll(() => t?.close());

  it('has a case or a reasoned unscoped entry for every route of the API description, in the suite of the module that serves it', async () => {
    const doc = (await t.app.inject({ url: '/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const described = Object.entries(doc.paths).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`));
    const servedBy = new Map<string, string>();
    for (const m of modules) for (const r of await routesOf(m, t.ctx)) servedBy.set(r, m.name);
    const problems: string[] = [];
    for (const route of described) {
      const owner = servedBy.get(route);
      if (!owner) {
        if (!APP_UNSCOPED.some((u) => u.route === route)) problems.push(`${route}: served by the app itself (src/app.ts) and not in APP_UNSCOPED`);
        continue;
      }
      const { suite } = suites.find((s) => s.module === owner)!;
      if (!suite) problems.push(`${route}: module ${owner} serves it but its manifest.ts has no scopeCases`);
      else if (!suite.cases.some((c) => c.route === route) && !suite.unscoped?.some((u) => u.route === route)) {
        problems.push(`${route}: neither a case nor an unscoped entry in src/modules/${owner}/scope-cases.ts`);
      }
    }
    for (const { module, suite } of suites) {
      if (!suite) continue;
      for (const { route } of [...suite.cases, ...(suite.unscoped ?? [])]) {
        const owner = servedBy.get(route);
        if (owner !== module) problems.push(`${module}: ${route} is not a route of this module${owner ? ` (${owner} serves it)` : ''}`);
      }
      for (const u of suite.unscoped ?? []) {
        if (!u.reason.trim()) problems.push(`${module}: ${u.route} is unscoped without a reason`);
        if (suite.cases.some((c) => c.route === u.route)) problems.push(`${module}: ${u.route} has cases and is listed as unscoped`);
      }
    }
    for (const { module, c } of cases) {
      const req = c.request({ ...fixture, ...own.get(module) });
      if (!reaches(c.route, req)) problems.push(`${module}: the case of ${c.route} sends ${req.method ?? 'GET'} ${String(req.url)}, another route`);
    }
    expect(problems).toEqual([]);
  });

  it.each(cases.map(({ module, c }) => [`${module}: ${c.route}`, module, c] as const))('%s answers 404 and writes nothing', async (_name, module, c) => {
    const res = await clients.get(c.who)!(c.request({ ...fixture, ...own.get(module) }));
    const after = await snapshot();
    const changed = changes(baseline, after);
    baseline = after;
    expect(res.statusCode, res.body).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_found', message: { zh: expect.any(String), en: expect.any(String) } });
    expect(changed).toEqual([]);
  });

  it('lists and audits only what lies inside the subtree', async () => {
    const gridWorker = clients.get('grid1')!;
    const communityWorker = clients.get('beijiang')!;
    const residents = (await gridWorker({ url: '/api/residents?limit=200' })).json();
    const grid1 = await placeByName(t, '北江社区第1网格');
    expect(residents.total).toBeGreaterThan(0);
    expect(residents.items.every((r: { placeId: string }) => r.placeId)).toBe(true);
    const inGrid = await t.ctx.handle.db.selectFrom('residents').select((eb) => eb.fn.countAll().as('n')).where('place_path', 'like', `${grid1.path}%`).executeTakeFirstOrThrow();
    expect(residents.total).toBe(Number(inGrid.n));
    const audit = (await communityWorker({ url: '/api/audit?limit=200' })).json();
    const places = await t.ctx.handle.db.selectFrom('places').select(['id', 'path']).execute();
    const pathOf = new Map(places.map((p) => [p.id, p.path]));
    expect(audit.items.length).toBeGreaterThan(0);
    expect(audit.items.every((e: { placeId: string }) => pathOf.get(e.placeId)!.startsWith('/440607/440607001/440607001022/'))).toBe(true);
    const users = (await communityWorker({ url: '/api/users' })).json();
    expect(users.items.map((u: { username: string }) => u.username).sort()).toEqual(['beijiang', 'dangyuan', 'gongjian', 'grid1', 'grid2', 'jumin', 'louzhang', 'zaizhi']);
  });
});
