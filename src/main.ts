import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './core/db.js';
import { createCipher, loadDataKey } from './core/personal-data.js';
import { migrateToLatest } from './migrations/index.js';
import { seedDemoIfEmpty } from './seed/demo.js';
import { startJobs } from './core/jobs.js';

const config = loadConfig();
const handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await migrateToLatest(handle.db);
const ctx = { handle, config, cipher: createCipher(loadDataKey(config.dataDir, config.dataKey)) };
const app = await buildApp(ctx, { logger: true });
if (config.seedDemo) await seedDemoIfEmpty(ctx, (m) => app.log.info(m));
// SQLite keeps its planner statistics current cheaply (a no-op when nothing changed much).
if (handle.sqlite) handle.sqlite.pragma('optimize');
await app.listen({ port: config.port, host: config.host });
const stopJobs = [startJobs(ctx, (err, job) => app.log.error({ err, job }, 'scheduled job failed'))];
app.log.info(`OneGrid on http://localhost:${config.port} (${handle.dialect})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    for (const stop of stopJobs) stop();
    await app.close();
    await handle.close();
    process.exit(0);
  });
}
