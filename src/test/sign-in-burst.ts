/**
 * A second app process for the lockout test (src/modules/accounts/lockout.test.ts): opens the test's database
 * (DATA_DIR, DATABASE_URL), waits for START_AT, sends BURST parallel sign-ins of USERNAME with a wrong password, each
 * from its own address, and prints their status codes as JSON.
 */
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../core/db.js';
import { createCipher, loadDataKey } from '../core/personal-data.js';

const env = process.env;
const config = loadConfig({ DATA_DIR: env.DATA_DIR, DATABASE_URL: env.DATABASE_URL });
const handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const app = await buildApp({ handle, config, cipher: createCipher(loadDataKey(config.dataDir)) }, { serveWeb: false });
await app.ready();
await new Promise((r) => setTimeout(r, Math.max(0, Number(env.START_AT) - Date.now())));
const codes = await Promise.all(Array.from({ length: Number(env.BURST) }, (_, i) => app.inject({
  method: 'POST', url: '/api/auth/login', remoteAddress: `${env.ADDRESS_PREFIX}.${i + 1}`,
  payload: { username: env.USERNAME, password: 'not-the-password' },
}).then((r) => r.statusCode)));
await app.close();
await handle.close();
process.stdout.write(JSON.stringify(codes));
