import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** `node --import tsx src/main.ts` as `npm start` runs it, on an empty data folder: its exit code, output and what it wrote. */
function startWith(env: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onegrid-sms-start-'));
  dirs.push(dataDir);
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DATABASE_URL|MIGRATION_DATABASE_URL|ONEGRID_|DATA_DIR|PORT|SMS_|NODE_ENV)/.test(k)));
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root, env: { ...base, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env }, encoding: 'utf8', timeout: 60_000,
  });
  return { status: r.status, output: r.stdout + r.stderr, written: fs.readdirSync(dataDir) };
}

describe('starting with the SMS adapter configured', () => {
  it('refuses to start in production on the log adapter, before it writes anything', { timeout: 120_000 }, () => {
    for (const env of [{ NODE_ENV: 'production' }, { NODE_ENV: 'production', SMS_PROVIDER: 'log' }] as Record<string, string>[]) {
      const r = startWith(env);
      expect(r.status, r.output).toBe(1);
      expect(r.output).toMatch(/OneGrid did not start: SMS_PROVIDER=log .*NODE_ENV=production.*SMS_PROVIDER=aliyun/);
      expect(r.written).toEqual([]);
    }
  });

  it('refuses an Aliyun account with settings missing, naming them, and an unknown provider', { timeout: 120_000 }, () => {
    const aliyun = startWith({ NODE_ENV: 'production', SMS_PROVIDER: 'aliyun', SMS_ALIYUN_ACCESS_KEY_ID: 'LTAI-x', SMS_ALIYUN_SIGN_NAME: '一张网' });
    expect(aliyun.status, aliyun.output).toBe(1);
    expect(aliyun.output).toContain('OneGrid did not start: SMS_PROVIDER=aliyun needs SMS_ALIYUN_ACCESS_KEY_SECRET, SMS_ALIYUN_CODE_TEMPLATE, SMS_ALIYUN_RESOLVED_TEMPLATE');
    const unknown = startWith({ SMS_PROVIDER: 'carrier-pigeon' });
    expect(unknown.status, unknown.output).toBe(1);
    expect(unknown.output).toContain('OneGrid did not start: SMS_PROVIDER must be one of: log, aliyun (got "carrier-pigeon")');
    expect([...aliyun.written, ...unknown.written]).toEqual([]);
  });
});
