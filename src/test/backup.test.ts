import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { createTestApp } from './harness.js';
import { restoreBackup, writeBackup } from '../core/backup.js';
import { openDatabase } from '../core/db.js';
import { createCipher, loadDataKey } from '../core/personal-data.js';

describe('backup and restore', () => {
  it('restores a backup into a fresh place and reads a revealed phone number back', async () => {
    const t = await createTestApp();
    const worker = await t.as('grid1');
    const resident = (await worker({ url: '/api/residents?limit=1' })).json().items[0];
    await worker({ method: 'PATCH', url: `/api/residents/${resident.id}`, payload: { version: resident.version, phone: '13566667777' } });
    const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'og-backup-'));
    const manifest = await writeBackup(t.ctx.config, t.ctx.handle, dest);
    expect(manifest.keyIncluded).toBe(true);
    await t.close();

    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'og-restore-'));
    let databaseUrl: string | undefined;
    if (process.env.DATABASE_URL) {
      const name = `onegrid_restore_${process.pid}`;
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(process.env.DATABASE_URL);
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
    }
    const config = { ...loadConfig({ DATA_DIR: dataDir }), databaseUrl };
    restoreBackup(config, dest);
    const handle = openDatabase({ databaseUrl, dataDir });
    const app = await buildApp({ handle, config, cipher: createCipher(loadDataKey(dataDir)) }, { serveWeb: false });
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'grid1', password: 'OneGrid!2026' } });
    const cookie = login.cookies.find((c) => c.name === 'onegrid_session')!.value;
    const revealed = await app.inject({ method: 'POST', url: `/api/residents/${resident.id}/reveal`, cookies: { onegrid_session: cookie }, payload: { field: 'phone', reason: '恢复后核对' } });
    expect(revealed.json()).toEqual({ field: 'phone', value: '13566667777' });
    await app.close();
    await handle.close();
    if (databaseUrl) {
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`drop database if exists ${new URL(databaseUrl).pathname.slice(1)} with (force)`);
      await admin.end();
    }
  });
});
