import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db.js';
import { DEMO_PASSWORD, seedDemoIfEmpty, TEST_DEMO_SIZE } from '../seed/demo.js';
import { openDatabases, prepareDatabase } from '../startup.js';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  /**
   * The tables' owner, as migrations run: for what a test must do that the app's own role may not (a trigger of its own).
   * On SQLite the app's handle.
   */
  owner: Db;
  dataDir: string;
  /** Signs in and returns a function that sends requests with that session. */
  as(username: string, password?: string): Promise<Client>;
  close(): Promise<void>;
}

export type Client = (opts: InjectOptions) => Promise<LightMyRequestResponse>;

export { createTestDatabase, TEST_APP_ROLE, TEST_OWNER_ROLE, type TestDatabase } from './test-database.js';
import { createTestDatabase } from './test-database.js';

/**
 * A real app on a fresh database: a temporary SQLite file, or, when DATABASE_URL is set, a new PostgreSQL database
 * created for this test file on that server and dropped afterwards, migrated by its owner role and used by the app as
 * a role that owns nothing (as the README sets up production). Started as main.ts starts, by prepareDatabase.
 */
export async function createTestApp(opts: { seed?: boolean } = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onegrid-test-'));
  const serverUrl = process.env.DATABASE_URL;
  const database = serverUrl ? await createTestDatabase(serverUrl) : undefined;
  const config = { ...loadConfig({ DATA_DIR: dataDir }), databaseUrl: database?.appUrl, migrationDatabaseUrl: database?.ownerUrl };
  const dbs = openDatabases(config, { countStatements: true });
  const { ctx } = await prepareDatabase(config, dbs, async (c) => {
    return opts.seed !== false && seedDemoIfEmpty(c, () => {}, TEST_DEMO_SIZE);
  });
  const { handle } = ctx;
  const app = await buildApp(ctx, { serveWeb: false, countStatements: true });
  await app.ready();
  return {
    app,
    ctx,
    owner: dbs.owner.db,
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
      if (dbs.owner !== handle) await dbs.owner.close();
      await database?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Finds a place by name under a parent name (the demo's names are stable; ids are not). */
export async function placeByName(t: TestApp, name: string) {
  return t.ctx.handle.db.selectFrom('places').selectAll().where('name', '=', name).orderBy('depth').executeTakeFirstOrThrow();
}

/** A multipart/form-data body with one file in the field `file` (after any text `fields`), as the browser's upload sends it. */
export function multipartFile(file: Buffer, filename = 'roster.xlsx', fields: Record<string, string> = {}) {
  const boundary = '----onegridtest';
  return {
    payload: Buffer.concat([
      ...Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
