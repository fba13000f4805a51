import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import { loadConfig } from '../src/config.js';
import { seedDemoIfEmpty } from '../src/seed/demo.js';
import { openDatabases, prepareDatabase } from '../src/startup.js';
import { int, isMain, log, option, repoRoot, benchDataDir } from './support.js';

type ServerName = 'bare' | 'app';

const SERVERS: Record<ServerName, { label: string; prefix: string }> = {
  bare: { label: 'bare node:http + better-sqlite3 (the same statements, prepared)', prefix: '' },
  app: { label: 'real app (Fastify: GET /api/public/compounds/:key)', prefix: '/api/public' },
};
const dataDir = path.join(benchDataDir, 'qr-page');

export interface QrPageFigure { server: ServerName; label: string; requestsPerSecond: number; p50Ms: number; p99Ms: number; requests: number; cpuUsPerRequest: number }
export interface QrPageReport { connections: number; durationS: number; warmUpS: number; rounds: number; keys: number; responseBytes: number; figures: QrPageFigure[]; ratio: number; cpuRatio: number }

/** The demo district (the full demo size) in its own data directory, seeded once and kept. */
async function prepareDemo(): Promise<void> {
  const config = { ...loadConfig({ DATA_DIR: dataDir }), databaseUrl: undefined };
  fs.mkdirSync(dataDir, { recursive: true });
  const dbs = openDatabases(config);
  const { ctx } = await prepareDatabase(config, dbs, (c) => seedDemoIfEmpty(c, log));
  await ctx.handle.close();
}

/** Every compound's and building's QR key, in random order. */
function sampleKeys(): string[] {
  const sqlite = new SQLite(path.join(dataDir, 'onegrid.sqlite'), { readonly: true });
  try {
    return (sqlite.prepare(`select key from party_public_keys where subject_type in ('compound', 'building') order by random()`).all() as { key: string }[]).map((r) => r.key);
  } finally {
    sqlite.close();
  }
}

/**
 * GET the public QR page of a compound (码上通: no session, the page's two statements) from a bare node:http +
 * better-sqlite3 server and from the real app, on the same demo SQLite file, each in its own child process, with the
 * same autocannon load; rounds interleave the servers and each keeps its best.
 */
export async function benchQrPage(opts: { connections?: number; durationS?: number; warmUpS?: number; rounds?: number } = {}): Promise<QrPageReport> {
  const connections = opts.connections ?? 50;
  const rounds = opts.rounds ?? 2;
  const durationS = opts.durationS ?? 10;
  const warmUpS = opts.warmUpS ?? 3;
  await prepareDemo();
  const servers = new Map<ServerName, { port: number; child: ChildProcess }>();
  const names: ServerName[] = ['app', 'bare'];
  try {
    for (const name of names) servers.set(name, await startServer(name));
    const url = (name: ServerName) => `http://127.0.0.1:${servers.get(name)!.port}`;
    const keys = sampleKeys();
    // Every page from both servers once: they start warm on the same file, and must answer alike for every key.
    const answer = async (name: ServerName, key: string) => {
      const res = await fetch(`${url(name)}${SERVERS[name].prefix}/compounds/${key}`);
      const text = await res.text();
      if (res.status !== 200) throw new Error(`${name}: ${res.status} ${text}`);
      return { json: JSON.parse(text) as unknown, bytes: Buffer.byteLength(text) };
    };
    let bodies: { json: unknown; bytes: number }[] = [];
    for (const key of keys) {
      bodies = await Promise.all(names.map((name) => answer(name, key)));
      if (!isDeepStrictEqual(bodies[0]!.json, bodies[1]!.json)) throw new Error(`the servers answer differently for the key ${key}`);
    }
    const figures = new Map<ServerName, QrPageFigure>();
    for (let round = 0; round < rounds; round++) {
      for (const name of ['bare', 'app'] as const) {
        let next = 0;
        const load = (seconds: number) => autocannon({
          url: url(name), connections, duration: seconds,
          requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: `${SERVERS[name].prefix}/compounds/${keys[next++ % keys.length]}` }) }],
        });
        if (round === 0) await load(warmUpS);
        const child = servers.get(name)!.child;
        const before = await cpuOf(child);
        const r = await load(durationS);
        const after = await cpuOf(child);
        if (r.non2xx > 0 || r.errors > 0 || r.timeouts > 0) throw new Error(`${name}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
        const figure = { server: name, label: SERVERS[name].label, requestsPerSecond: r.requests.total / durationS, p50Ms: r.latency.p50, p99Ms: r.latency.p99,
          requests: r.requests.total, cpuUsPerRequest: (after.user + after.system - before.user - before.system) / r.requests.total };
        log(`qr page ${name}, round ${round + 1}: ${int(figure.requestsPerSecond)} req/s, p50 ${figure.p50Ms} ms, p99 ${figure.p99Ms} ms, ${figure.cpuUsPerRequest.toFixed(0)} µs CPU per request`);
        if (figure.requestsPerSecond > (figures.get(name)?.requestsPerSecond ?? 0)) figures.set(name, figure);
      }
    }
    const f = (name: ServerName) => figures.get(name)!;
    return { connections, durationS, warmUpS, rounds, keys: keys.length, responseBytes: bodies[0]!.bytes, figures: [f('bare'), f('app')],
      ratio: f('app').requestsPerSecond / f('bare').requestsPerSecond, cpuRatio: f('bare').cpuUsPerRequest / f('app').cpuUsPerRequest };
  } finally {
    await Promise.all([...servers.values()].map(async (s) => {
      const exited = once(s.child, 'exit');
      s.child.disconnect();
      await exited;
    }));
  }
}

async function startServer(name: ServerName): Promise<{ port: number; child: ChildProcess }> {
  const child = fork(path.join(repoRoot, 'bench/qr-page-server.ts'), [name, dataDir], { cwd: repoRoot, execArgv: ['--import', 'tsx'] });
  const [message] = (await Promise.race([once(child, 'message'), once(child, 'exit').then(() => {
    throw new Error(`the ${name} server exited before listening`);
  })])) as [{ port: number }];
  return { port: message.port, child };
}

async function cpuOf(child: ChildProcess): Promise<NodeJS.CpuUsage> {
  const answer = once(child, 'message') as Promise<[{ cpu: NodeJS.CpuUsage }]>;
  child.send('cpu');
  return (await answer)[0].cpu;
}

export function qrPageTable(r: QrPageReport): string {
  return [
    `GET a compound's public QR page (no session), ${r.keys} compound and building keys of the demo street in turn; autocannon in the parent process, ` +
      `each server alone in a child process; ${r.connections} connections, ${r.warmUpS} s warm-up, then ${r.rounds} interleaved rounds of ${r.durationS} s, ` +
      `best round kept; response ${r.responseBytes} bytes (the same JSON from both servers).`,
    '',
    '| Server | req/s | p50 | p99 | requests | server CPU per request |',
    '|---|---:|---:|---:|---:|---:|',
    ...r.figures.map((f) => `| ${f.label} | ${int(f.requestsPerSecond)} | ${f.p50Ms} ms | ${f.p99Ms} ms | ${int(f.requests)} | ${f.cpuUsPerRequest.toFixed(0)} µs |`),
    '',
    `Ratio app / bare: **${r.ratio.toFixed(2)}** (target ≥ 0.50: ${r.ratio >= 0.5 ? 'met' : '**missed**'}); by server CPU per request: ${r.cpuRatio.toFixed(2)}.`,
  ].join('\n');
}

if (isMain(import.meta.url)) {
  const report = await benchQrPage({ connections: Number(option('connections', '50')), durationS: Number(option('duration', '10')), rounds: Number(option('rounds', '2')) });
  console.log(qrPageTable(report));
}
