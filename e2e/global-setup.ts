import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createTestDatabase, type TestDatabase } from '../src/test/test-database.js';
import { freePort } from './support/free-port.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** Where signed-in browser states are kept, so each user signs in once per run (sign-in is rate-limited). */
    stateDir: string;
    /** The server's log file: the SMS log adapter writes residents' sign-in codes there, as an operator would read them. */
    serverLog: string;
  }
}

const root = path.resolve(import.meta.dirname, '..');


async function waitForHealth(url: string, child: ChildProcess, log: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}:\n${tail(log)}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`The server did not answer /api/health within ${timeoutMs / 1000}s:\n${tail(log)}`);
}

const tail = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').slice(-40).join('\n') : '');

/** Builds the web app if needed, starts the real server on a free port with a fresh data directory, and stops it afterwards. */
export default async function setup(project: TestProject) {
  execFileSync(process.execPath, [path.join(root, 'scripts/build-web-if-needed.mjs')], { stdio: 'inherit', cwd: root });
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onegrid-e2e-'));
  const log = path.join(dataDir, 'server.log');
  const out = fs.openSync(log, 'a');
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, NODE_ENV: 'test' };
  // With DATABASE_URL the server runs on PostgreSQL, in a database made fresh for this run: migrated by its owner, served
  // by a role that owns nothing (README, "PostgreSQL roles").
  let database: TestDatabase | null = null;
  if (process.env.DATABASE_URL) {
    database = await createTestDatabase(process.env.DATABASE_URL, 'onegrid_e2e');
    env.DATABASE_URL = database.appUrl;
    env.MIGRATION_DATABASE_URL = database.ownerUrl;
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, env, stdio: ['ignore', out, out] });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseUrl, child, log);
  } catch (err) {
    child.kill('SIGKILL');
    await database?.drop().catch(() => undefined);
    throw err;
  }
  project.provide('baseUrl', baseUrl);
  project.provide('serverLog', log);
  const stateDir = path.join(dataDir, 'browser-states');
  fs.mkdirSync(stateDir);
  project.provide('stateDir', stateDir);

  return async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    fs.closeSync(out);
    await database?.drop();
    if (process.env.KEEP_E2E_DATA) console.log(`e2e data kept in ${dataDir}`);
    else fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
