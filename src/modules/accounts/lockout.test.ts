import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { MAX_FAILED_LOGINS } from './commands/sign-in.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('sign-in lockout and answers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const login = (username: string, password: string, remoteAddress: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });
  const userRow = (username: string) => t.ctx.handle.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
  /** How many guesses on the account were checked: each one checked leaves a sign_in_failed or lock event. */
  const checked = async (username: string) => {
    const { id } = await userRow(username);
    return (await t.ctx.handle.db.selectFrom('events').select('action').where('entity_type', '=', 'user').where('entity_id', '=', id)
      .where('action', 'in', ['sign_in_failed', 'lock']).execute()).length;
  };

  it('checks at most five of 100 parallel wrong passwords from 100 addresses, and answers each the same', async () => {
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => login('grid2', `wrong-${i}`, `198.51.100.${i + 1}`)));
    const codes = answers.map((r) => r.statusCode);
    expect(codes.every((c) => c === 401 || c === 429), codes.join()).toBe(true);
    const refused = answers.filter((r) => r.statusCode === 401).map((r) => r.body);
    expect(new Set(refused).size).toBe(1);
    expect(JSON.parse(refused[0]!)).toMatchObject({ code: 'bad_credentials', field: 'password' });
    expect(await checked('grid2')).toBeLessThanOrEqual(MAX_FAILED_LOGINS);
    expect((await userRow('grid2')).locked_until! > new Date().toISOString()).toBe(true);
  }, 240_000);

  it('answers a locked, a disabled and an unknown account as a wrong password, after a hash of the same cost', async () => {
    const db = t.ctx.handle.db;
    await db.updateTable('users').set({ locked_until: new Date(Date.now() + 600_000).toISOString() }).where('username', '=', 'grid1').execute();
    await db.updateTable('users').set({ disabled: 1 }).where('username', '=', 'louzhang').execute();
    const wrong = await login('xinan', 'not-the-password', '203.0.113.1');
    expect(wrong.statusCode).toBe(401);
    const same = [
      await login('grid1', 'OneGrid!2026', '203.0.113.2'), // locked, right password
      await login('grid1', 'not-the-password', '203.0.113.3'), // locked, wrong password
      await login('louzhang', 'OneGrid!2026', '203.0.113.4'), // disabled
      await login('nobody_here', 'OneGrid!2026', '203.0.113.5'), // unknown
    ];
    for (const res of same) expect({ status: res.statusCode, body: res.json() }).toEqual({ status: 401, body: wrong.json() });
    // A locked account costs a hash as an unknown one does: nothing in the time tells them apart.
    const timed = async (username: string, i: number) => {
      const started = performance.now();
      await login(username, 'not-the-password', `203.0.114.${i}`);
      return performance.now() - started;
    };
    const locked: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      locked.push(await timed('grid1', i));
      unknown.push(await timed(`nobody_${i}`, i + 10));
    }
    expect(median(locked), `locked ${locked.join()} ms, unknown ${unknown.join()} ms`).toBeGreaterThan(median(unknown) * 0.3);
  }, 120_000);

  it('stops a burst on one username from many addresses: ten a minute, then 429', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) codes.push((await login('nobody', 'x-wrong-pass', `192.0.2.${i + 1}`)).statusCode);
    expect(codes).toEqual([...Array(10).fill(401), 429, 429]);
    // Another username from the same addresses is not held back.
    expect((await login('nobody2', 'x-wrong-pass', '192.0.2.1')).statusCode).toBe(401);
  }, 120_000);
});

describe('the lockout across app processes', () => {
  it('checks at most five guesses of two processes bursting on one database at once', async () => {
    const t = await createTestApp();
    try {
      const startAt = Date.now() + 8000;
      const burst = (prefix: string) => new Promise<number[]>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, '../../test/sign-in-burst.ts')], {
          env: { ...process.env, DATA_DIR: t.dataDir, DATABASE_URL: t.ctx.config.databaseUrl ?? '', START_AT: String(startAt), BURST: '10', USERNAME: 'grid2', ADDRESS_PREFIX: prefix },
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.on('error', reject);
        child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as number[]) : reject(new Error(`burst exited ${code}: ${out}`))));
      });
      const [a, b] = await Promise.all([burst('198.51.100'), burst('203.0.113')]);
      expect([...a, ...b].every((c) => c === 401), [...a, ...b].join()).toBe(true);
      const { id } = await t.ctx.handle.db.selectFrom('users').select('id').where('username', '=', 'grid2').executeTakeFirstOrThrow();
      const events = await t.ctx.handle.db.selectFrom('events').select('action').where('entity_id', '=', id).where('action', 'in', ['sign_in_failed', 'lock']).execute();
      expect(events.length).toBeGreaterThan(0);
      expect(events.length).toBeLessThanOrEqual(MAX_FAILED_LOGINS);
      expect(events.filter((e) => e.action === 'lock')).toHaveLength(1);
    } finally {
      await t.close();
    }
  }, 240_000);
});
