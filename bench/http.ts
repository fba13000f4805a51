import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import { subtreeUpperBound } from '../src/core/db.js';
import { BENCH_PASSWORD, LARGE_STREET_CODE } from './generate-district.js';
import { flag, int, isMain, log, migrateExisting, option, repoRoot, sqliteFile } from './support.js';

type ServerName = 'bare' | 'app';

const SERVERS: Record<ServerName, { label: string; args: string[]; prefix: string }> = {
  bare: { label: 'bare node:http + better-sqlite3', args: ['bare'], prefix: '' },
  app: { label: 'real app (Fastify: session, scope check, masked view)', args: ['app'], prefix: '/api' },
};

export interface HttpFigure {
  server: ServerName;
  label: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** The server process's CPU time (user + system) per request in the kept round. */
  cpuUsPerRequest: number;
}

export interface HttpReport {
  connections: number;
  durationS: number;
  warmUpS: number;
  rounds: number;
  householdIds: number;
  responseBytes: number;
  figures: HttpFigure[];
  /** The real app's req/s over the bare server's. */
  ratio: number;
  /** The bare server's CPU per request over the app's: the same comparison, steadier on a busy machine. */
  cpuRatio: number;
}

const SERVER_USER = 'bench_street';

/**
 * GET one household with its residents (masked) from a bare node:http + better-sqlite3 server and from the real app
 * (session, scope check, masked view) on the same SQLite file, with the same autocannon load, one after the other.
 */
export async function benchHttp(opts: { connections?: number; durationS?: number; warmUpS?: number; rounds?: number } = {}): Promise<HttpReport> {
  const connections = opts.connections ?? 50;
  const rounds = opts.rounds ?? 2;
  const durationS = opts.durationS ?? 10;
  const warmUpS = opts.warmUpS ?? 3;
  if (!fs.existsSync(sqliteFile)) throw new Error(`${sqliteFile} is missing: run \`npx tsx bench/generate-district.ts --sqlite\` first`);
  await migrateExisting('sqlite');
  const ids = sampleHouseholds(20_000);
  const names: ServerName[] = ['bare', 'app'];
  const servers = new Map<ServerName, { port: number; child: ChildProcess }>();
  try {
    for (const name of names) servers.set(name, await startServer(SERVERS[name].args));
    const url = (name: ServerName) => `http://127.0.0.1:${servers.get(name)!.port}`;
    const cookie = await signIn(url('app'));
    const headers = (name: ServerName): Record<string, string> => (name === 'bare' ? {} : { cookie });
    const bodies = await Promise.all(names.map((name) => getJson(`${url(name)}${SERVERS[name].prefix}/households/${ids[0]}`, headers(name))));
    if (bodies.some((b) => !isDeepStrictEqual(b.json, bodies[0]!.json))) throw new Error('the servers answer differently for the same household');
    const figures = new Map<ServerName, HttpFigure>();
    // Rounds interleave the servers; each keeps its best round, since other work on the machine only ever slows a run down.
    for (let round = 0; round < rounds; round++) {
      for (const name of names) {
        let next = 0;
        const load = (seconds: number) => autocannon({
          url: url(name),
          connections,
          duration: seconds,
          requests: [{
            method: 'GET',
            headers: headers(name),
            setupRequest: (request) => ({ ...request, path: `${SERVERS[name].prefix}/households/${ids[next++ % ids.length]}` }),
          }],
        });
        if (round === 0) await load(warmUpS);
        const child = servers.get(name)!.child;
        const cpuBefore = await cpuOf(child);
        const r = await load(durationS);
        const cpuAfter = await cpuOf(child);
        const cpuUs = cpuAfter.user + cpuAfter.system - cpuBefore.user - cpuBefore.system;
        if (r.non2xx > 0 || r.errors > 0 || r.timeouts > 0) {
          throw new Error(`${name}: ${r.non2xx} non-2xx responses, ${r.errors} errors, ${r.timeouts} timeouts; the figure would be meaningless`);
        }
        const figure = {
          server: name, label: SERVERS[name].label, requestsPerSecond: r.requests.total / durationS, p50Ms: r.latency.p50, p99Ms: r.latency.p99, requests: r.requests.total,
          cpuUsPerRequest: cpuUs / r.requests.total,
        };
        log(`http ${name}, round ${round + 1}: ${int(figure.requestsPerSecond)} req/s, p50 ${figure.p50Ms} ms, p99 ${figure.p99Ms} ms, ${figure.cpuUsPerRequest.toFixed(0)} µs CPU per request`);
        if (figure.requestsPerSecond > (figures.get(name)?.requestsPerSecond ?? 0)) figures.set(name, figure);
      }
    }
    const rate = (name: ServerName) => figures.get(name)!.requestsPerSecond;
    const cpu = (name: ServerName) => figures.get(name)!.cpuUsPerRequest;
    return {
      connections, durationS, warmUpS, rounds, householdIds: ids.length, responseBytes: bodies[0]!.bytes, figures: [...figures.values()], ratio: rate('app') / rate('bare'),
      cpuRatio: cpu('bare') / cpu('app'),
    };
  } finally {
    // Disconnecting lets each server exit on its own (and write its --cpu-prof profile when asked for one).
    await Promise.all([...servers.values()].map(async (s) => {
      const exited = once(s.child, 'exit');
      s.child.disconnect();
      await exited;
    }));
  }
}

/** Households of the large street, in random order: the street account may read every one of them. */
function sampleHouseholds(limit: number): string[] {
  const sqlite = new SQLite(sqliteFile, { readonly: true });
  try {
    const street = sqlite.prepare('select path from places where code = ?').get(LARGE_STREET_CODE) as { path: string };
    return (sqlite.prepare(`select id from places where level = 'household' and path > ? and path < ? order by random() limit ?`)
      .all(street.path, subtreeUpperBound(street.path), limit) as { id: string }[]).map((r) => r.id);
  } finally {
    sqlite.close();
  }
}

async function startServer(args: string[]): Promise<{ port: number; child: ChildProcess }> {
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const child = fork(path.join(repoRoot, 'bench/http-server.ts'), args, { cwd: repoRoot, execArgv: [...profile, '--import', 'tsx'] });
  const [message] = (await Promise.race([once(child, 'message'), once(child, 'exit').then(() => {
    throw new Error(`the server ${args.join(' ')} exited before listening`);
  })])) as [{ port: number }];
  return { port: message.port, child };
}

async function cpuOf(child: ChildProcess): Promise<NodeJS.CpuUsage> {
  const answer = once(child, 'message') as Promise<[{ cpu: NodeJS.CpuUsage }]>;
  child.send('cpu');
  return (await answer)[0].cpu;
}

async function signIn(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: SERVER_USER, password: BENCH_PASSWORD }),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith('onegrid_session='));
  if (res.status !== 200 || !session) throw new Error(`sign-in as ${SERVER_USER} failed: ${res.status} ${await res.text()}`);
  return session.split(';')[0]!;
}

async function getJson(url: string, headers: Record<string, string>): Promise<{ json: unknown; bytes: number }> {
  const res = await fetch(url, { headers });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${text}`);
  return { json: JSON.parse(text), bytes: Buffer.byteLength(text) };
}

export function httpTable(r: HttpReport): string {
  return [
    `GET one household with its residents (masked), ${r.householdIds.toLocaleString('en-US')} household ids of the large street in turn; ` +
      `autocannon in the parent process, each server alone in a child process; ${r.connections} connections, ` +
      `${r.warmUpS} s warm-up, then ${r.rounds} interleaved rounds of ${r.durationS} s, best round kept; response ${r.responseBytes} bytes (the same JSON from every server).`,
    '',
    '| Server | req/s | p50 | p99 | requests | server CPU per request |',
    '|---|---:|---:|---:|---:|---:|',
    ...r.figures.map((f) => `| ${f.label} | ${int(f.requestsPerSecond)} | ${f.p50Ms} ms | ${f.p99Ms} ms | ${int(f.requests)} | ${f.cpuUsPerRequest.toFixed(0)} µs |`),
    '',
    `Ratio app / bare: **${r.ratio.toFixed(2)}** (target ≥ 0.50: ${r.ratio >= 0.5 ? 'met' : '**missed**'}); ` +
      `by server CPU per request (steadier when other work shares the machine): ${r.cpuRatio.toFixed(2)}.`,
  ].join('\n');
}

if (isMain(import.meta.url)) {
  const report = await benchHttp({ connections: Number(option('connections', '50')), durationS: Number(option('duration', '10')), rounds: Number(option('rounds', '2')) });
  console.log(httpTable(report));
}
