import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import type { AppContext } from '../core/context.js';
import { openDatabase } from '../core/db.js';
import { createCipher, loadDataKey } from '../core/personal-data.js';
import { migrateToLatest } from '../migrations/index.js';
import { DEMO_PASSWORD, seedDemoIfEmpty, TEST_DEMO_SIZE } from '../seed/demo.js';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  dataDir: string;
  /** Signs in and returns a function that sends requests with that session. */
  as(username: string, password?: string): Promise<Client>;
  close(): Promise<void>;
}

export type Client = (opts: InjectOptions) => Promise<LightMyRequestResponse>;

/**
 * A real app on a fresh database: a temporary SQLite file, or, when DATABASE_URL is set, a new PostgreSQL database
 * created for this test file on that server and dropped afterwards.
 */
export async function createTestApp(opts: { seed?: boolean } = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onegrid-test-'));
  const serverUrl = process.env.DATABASE_URL;
  let databaseUrl: string | undefined;
  let dropDatabase = async () => {};
  if (serverUrl) {
    const name = `onegrid_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      // pool.end() resolves before its connections have closed; killing them mid-close raises an uncaught 57P01.
      for (let i = 0; i < 100 && (await c.query('select 1 from pg_stat_activity where datname = $1', [name])).rowCount; i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const config = { ...loadConfig({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl }), databaseUrl };
  const handle = openDatabase({ databaseUrl, dataDir, countStatements: true });
  await migrateToLatest(handle.db);
  const ctx: AppContext = { handle, config, cipher: createCipher(loadDataKey(dataDir)) };
  if (opts.seed !== false) await seedDemoIfEmpty(ctx, () => {}, TEST_DEMO_SIZE);
  const app = await buildApp(ctx, { serveWeb: false, countStatements: true });
  await app.ready();
  return {
    app,
    ctx,
    dataDir,
    async as(username, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'onegrid_session')!;
      return (o) => app.inject({ ...o, cookies: { ...(o.cookies ?? {}), onegrid_session: cookie.value } });
    },
    async close() {
      await app.close();
      await handle.close();
      await dropDatabase();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Finds a place by name under a parent name (the demo's names are stable; ids are not). */
export async function placeByName(t: TestApp, name: string) {
  return t.ctx.handle.db.selectFrom('places').selectAll().where('name', '=', name).orderBy('depth').executeTakeFirstOrThrow();
}

/** A multipart/form-data body with one file in the field `file`, as the browser's upload sends it. */
export function multipartFile(file: Buffer, filename = 'roster.xlsx') {
  const boundary = '----onegridtest';
  return {
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
