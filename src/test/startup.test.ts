import { type ChildProcess, spawn } from 'node:child_process';
import { freePort } from '../../e2e/support/free-port.js';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../core/db.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../seed/demo.js';
import { createTestDatabase, type TestDatabase } from './harness.js';

const root = path.resolve(import.meta.dirname, '../..');
/** What the demo street makes (src/seed/demo.ts, DEMO_SIZE with its fixed random seed). */
const DEMO_GRIDS = 81;


interface Server {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

const servers: Server[] = [];

/** A real `node --import tsx src/main.ts`, as `npm start` runs it, with only the environment given here. */
async function start(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DATABASE_URL|MIGRATION_DATABASE_URL|ONEGRID_|DATA_DIR|PORT|REDIS_URL)/.test(k)));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root, env: { ...base, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (d) => (text += d));
  child.stderr!.on('data', (d) => (text += d));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const server = { child, url: `http://127.0.0.1:${port}`, output: () => text, exited };
  servers.push(server);
  return server;
}

async function healthy(s: Server, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (s.child.exitCode !== null) throw new Error(`exited with ${s.child.exitCode}:\n${s.output()}`);
    const ok = await fetch(`${s.url}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no answer on /api/health:\n${s.output()}`);
}

async function signIn(s: Server, username: string): Promise<string> {
  const res = await fetch(`${s.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  expect(res.status).toBe(200);
  return /onegrid_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]!;
}

afterAll(async () => {
  for (const s of servers) if (s.child.exitCode === null) s.child.kill('SIGKILL');
  await Promise.all(servers.map((s) => s.exited));
});

describe(`starting processes together on an empty ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'} database`, () => {
  const pg = Boolean(process.env.DATABASE_URL);
  let database: TestDatabase | undefined;
  const dirs: string[] = [];
  const tempDir = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'onegrid-start-'));
    dirs.push(d);
    return d;
  };
  afterAll(async () => {
    await database?.drop();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('all come up healthy with the demo seeded once, and a process with another personal-data key refuses to start', { timeout: 120_000 }, async () => {
    // SQLite: one DATA_DIR for all (the database and the key file made at first start). PostgreSQL: the app role and the
    // owner as the README sets them up, one DATA_DIR each and the key shared through ONEGRID_DATA_KEY.
    const shared = tempDir();
    const key = randomBytes(32).toString('hex');
    if (pg) database = await createTestDatabase(process.env.DATABASE_URL!, 'onegrid_start');
    const envFor = (): Record<string, string> => (pg
      ? { DATABASE_URL: database!.appUrl, MIGRATION_DATABASE_URL: database!.ownerUrl, DATA_DIR: tempDir(), ONEGRID_DATA_KEY: key }
      : { DATA_DIR: shared });
    const started = Date.now();
    const group = await Promise.all([1, 2, 3, 4].map(() => start(envFor())));
    const deadline = started + 90_000;
    await Promise.all(group.map((s) => healthy(s, deadline)));

    const handle = openDatabase(pg ? { databaseUrl: database!.ownerUrl, dataDir: shared } : { dataDir: shared });
    try {
      const count = async (q: Promise<{ n: number | string | bigint } | undefined>) => Number((await q)?.n);
      const db = handle.db;
      expect(await count(db.selectFrom('places').select((eb) => eb.fn.countAll().as('n')).where('level', '=', 'grid').executeTakeFirst())).toBe(DEMO_GRIDS);
      expect(await count(db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())).toBe(DEMO_ACCOUNTS.length);
      expect(await count(db.selectFrom('instance_settings').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())).toBe(1);

      // Each process reads what another wrote: the last one reveals a phone number the seeding process encrypted.
      const grid1 = await db.selectFrom('users').select('place_path').where('username', '=', 'grid1').executeTakeFirstOrThrow();
      const resident = await db.selectFrom('residents').select('id').where('place_path', 'like', `${grid1.place_path}%`)
        .where('phone_enc', 'is not', null).limit(1).executeTakeFirstOrThrow();
      for (const s of group) {
        const res = await fetch(`${s.url}/api/residents/${resident.id}/reveal`, {
          method: 'POST', headers: { 'content-type': 'application/json', cookie: `onegrid_session=${await signIn(s, 'grid1')}`, origin: s.url },
          body: JSON.stringify({ field: 'phone', reason: '核对联系方式' }),
        });
        expect(res.status, await res.clone().text()).toBe(200);
        expect((await res.json()).value).toMatch(/^1\d{10}$/);
      }

      // Another key: refused before anything is written, naming what to set. On PostgreSQL also a process with no key at all.
      const fingerprint = await db.selectFrom('instance_settings').selectAll().execute();
      const otherKey = randomBytes(32).toString('hex');
      const noKey: Record<string, string> = { ...envFor(), ONEGRID_DATA_KEY: '' };
      const refused = await Promise.all([start({ ...envFor(), ONEGRID_DATA_KEY: otherKey }), ...(pg ? [start(noKey)] : [])]);
      for (const s of refused) {
        expect(await s.exited, s.output()).toBe(1);
        expect(s.output()).toMatch(/OneGrid did not start: .*ONEGRID_DATA_KEY.*DATA_DIR\/onegrid\.key/);
      }
      // The process without a key made none of its own.
      if (pg) expect(fs.readdirSync(noKey.DATA_DIR!)).not.toContain('onegrid.key');
      expect(await db.selectFrom('instance_settings').selectAll().execute()).toEqual(fingerprint);
    } finally {
      await handle.close();
    }
  });
});
