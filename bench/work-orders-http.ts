import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import { subtreeUpperBound } from '../src/core/db.js';
import { BENCH_PASSWORD, LARGE_STREET_CODE } from './generate-district.js';
import { int, isMain, log, option, repoRoot, sqliteFile } from './support.js';
import { woSqliteFile } from './work-orders-data.js';

/**
 * POST /api/work-orders (a grid worker files a grid-patrol demand, session cookie) on the real app over the
 * work-order SQLite file, against the foundation's bare baseline (bench/http-server.ts `bare`: node:http +
 * better-sqlite3 GET household) in the same run; autocannon in this process, each server in its own child.
 */
type AutocannonRequest = NonNullable<Parameters<typeof autocannon>[0]['requests']>[number];

export interface WoHttpFigure { name: string; requestsPerSecond: number; p50Ms: number; p99Ms: number; requests: number; load: number }
export interface WoHttpReport { connections: number; durationS: number; rounds: number; figures: WoHttpFigure[]; ratio: number }

async function start(file: string, args: string[]): Promise<{ port: number; child: ChildProcess }> {
  const child = fork(path.join(repoRoot, file), args, { cwd: repoRoot, execArgv: ['--import', 'tsx'] });
  const [message] = (await Promise.race([once(child, 'message'), once(child, 'exit').then(() => {
    throw new Error(`${file} exited before listening`);
  })])) as [{ port: number }];
  return { port: message.port, child };
}

export async function benchWoHttp(opts: { connections?: number; durationS?: number; rounds?: number } = {}): Promise<WoHttpReport> {
  const connections = opts.connections ?? 50;
  const durationS = opts.durationS ?? 10;
  const rounds = opts.rounds ?? 2;
  if (!fs.existsSync(sqliteFile)) throw new Error(`${sqliteFile} is missing: run \`npx tsx bench/generate-district.ts --sqlite\` first`);
  if (!fs.existsSync(woSqliteFile)) throw new Error(`${woSqliteFile} is missing: run \`npx tsx bench/work-orders.ts --sqlite\` first`);
  const district = new SQLite(sqliteFile, { readonly: true });
  const street = district.prepare('select path from places where code = ?').get(LARGE_STREET_CODE) as { path: string };
  const households = (district.prepare(`select id from places where level = 'household' and path > ? and path < ? order by random() limit 20000`)
    .all(street.path, subtreeUpperBound(street.path)) as { id: string }[]).map((r) => r.id);
  district.close();
  const servers = { bare: await start('bench/http-server.ts', ['bare']), app: await start('bench/work-orders-server.ts', []) };
  try {
    const appUrl = `http://127.0.0.1:${servers.app.port}`;
    const login = await fetch(`${appUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'wo_grid', password: BENCH_PASSWORD }) });
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('onegrid_session='))?.split(';')[0];
    if (login.status !== 200 || !cookie) throw new Error(`sign-in as wo_grid failed: ${login.status} ${await login.text()}`);
    const body = JSON.stringify({ channel: 'grid_patrol', demandType: 'report', categoryId: 'cat0', placeId: '990101001001g1k1', title: '垃圾清运:巡查发现', description: '巡查发现小区门口垃圾堆放,请尽快清运。' });
    const probe = await fetch(`${appUrl}/api/work-orders`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body });
    if (probe.status !== 201) throw new Error(`POST /api/work-orders: ${probe.status} ${await probe.text()}`);
    const best = new Map<string, WoHttpFigure>();
    for (let round = 0; round < rounds; round++) {
      for (const name of ['bare', 'app'] as const) {
        let next = 0;
        const run = (seconds: number) => autocannon({
          url: `http://127.0.0.1:${servers[name].port}`, connections, duration: seconds,
          requests: [name === 'bare'
            ? { method: 'GET' as const, setupRequest: (r) => ({ ...r, path: `/households/${households[next++ % households.length]}` }) }
            : ({ method: 'POST', path: '/api/work-orders', headers: { cookie, 'content-type': 'application/json' }, body } as AutocannonRequest)], // body: autocannon 8 takes it; bench/autocannon.d.ts omits it
        });
        if (round === 0) await run(3);
        const r = await run(durationS);
        if (r.non2xx > 0 || r.errors > 0 || r.timeouts > 0) throw new Error(`${name}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
        const f = { name, requestsPerSecond: r.requests.total / durationS, p50Ms: r.latency.p50, p99Ms: r.latency.p99, requests: r.requests.total, load: os.loadavg()[0]! };
        log(`work-order http ${name}, round ${round + 1}: ${int(f.requestsPerSecond)} req/s, p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms, load ${f.load.toFixed(2)}`);
        if (f.requestsPerSecond > (best.get(name)?.requestsPerSecond ?? 0)) best.set(name, f);
      }
    }
    return { connections, durationS, rounds, figures: [...best.values()], ratio: best.get('app')!.requestsPerSecond / best.get('bare')!.requestsPerSecond };
  } finally {
    await Promise.all(Object.values(servers).map(async (s) => {
      const exited = once(s.child, 'exit');
      s.child.disconnect();
      await exited;
    }));
  }
}

export function woHttpTable(r: WoHttpReport): string {
  const label = { bare: 'bare node:http + better-sqlite3, GET household (baseline)', app: 'real app, POST /api/work-orders as a grid worker (session)' } as Record<string, string>;
  return [
    `autocannon, ${r.connections} connections, 3 s warm-up, ${r.rounds} interleaved rounds of ${r.durationS} s, best round kept; each server in its own child process. ` +
      'The app files into the work-order SQLite file (one transaction: the order and its `file` event).',
    '',
    '| Server | req/s | p50 | p99 | requests | load (1 min) |',
    '|---|---:|---:|---:|---:|---:|',
    ...r.figures.map((f) => `| ${label[f.name]} | ${int(f.requestsPerSecond)} | ${f.p50Ms} ms | ${f.p99Ms} ms | ${int(f.requests)} | ${f.load.toFixed(2)} |`),
    '',
    `Ratio filing / bare: **${r.ratio.toFixed(2)}**.`,
  ].join('\n');
}

if (isMain(import.meta.url)) {
  console.log(woHttpTable(await benchWoHttp({ connections: Number(option('connections', '50')), durationS: Number(option('duration', '10')), rounds: Number(option('rounds', '2')) })));
}
