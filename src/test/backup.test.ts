import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { createTestApp, createTestDatabase } from './harness.js';
import { restoreBackup, writeBackup } from '../core/backup.js';
import { openDatabases, prepareDatabase } from '../startup.js';

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
    // On PostgreSQL into a new database set up as the README says: restored by the owner, served by the app role.
    const database = process.env.DATABASE_URL ? await createTestDatabase(process.env.DATABASE_URL, 'onegrid_restore') : undefined;
    const config = { ...loadConfig({ DATA_DIR: dataDir }), databaseUrl: database?.appUrl, migrationDatabaseUrl: database?.ownerUrl };
    restoreBackup(config, dest);
    try {
      // Started as main.ts starts: another key is refused, the restored one reads what was written.
      const wrong = openDatabases({ ...config, dataKey: randomBytes(32).toString('hex') });
      await expect(prepareDatabase({ ...config, dataKey: randomBytes(32).toString('hex') }, wrong)).rejects.toThrow(/ONEGRID_DATA_KEY/);
      await Promise.all([wrong.app.close(), wrong.owner !== wrong.app && wrong.owner.close()]);
      const dbs = openDatabases(config);
      const { ctx } = await prepareDatabase(config, dbs);
      const app = await buildApp(ctx, { serveWeb: false });
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'grid1', password: 'OneGrid!2026' } });
      const cookie = login.cookies.find((c) => c.name === 'onegrid_session')!.value;
      const revealed = await app.inject({ method: 'POST', url: `/api/residents/${resident.id}/reveal`, cookies: { onegrid_session: cookie }, payload: { field: 'phone', reason: '恢复后核对' } });
      expect(revealed.json()).toEqual({ field: 'phone', value: '13566667777' });
      await app.close();
      await Promise.all([dbs.app.close(), dbs.owner !== dbs.app && dbs.owner.close()]);
    } finally {
      await database?.drop();
    }
  }, 180_000); // a dump, a restore and three starts of the app: minutes on a busy PostgreSQL
});
