import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { StartupRefused } from './core/db.js';
import { checkSmsConfig } from './core/sms.js';
import { seedDemoIfEmpty } from './seed/demo.js';
import { startJobs } from './core/jobs.js';
import { openDatabases, prepareDatabase } from './startup.js';

const config = loadConfig();
try {
  // Before the database is opened: a refused configuration writes nothing.
  checkSmsConfig(config);
} catch (err) {
  if (!(err instanceof StartupRefused)) throw err;
  console.error(`OneGrid did not start: ${err.message}`);
  process.exit(1);
}
const dbs = openDatabases(config);
let app!: FastifyInstance;
// Any number of processes may start at once: migrating, the key check and seeding run under the database's startup lock.
const started = await prepareDatabase(config, dbs, async (ctx) => {
  app = await buildApp(ctx, { logger: true });
  return config.seedDemo && seedDemoIfEmpty(ctx, (m) => app.log.info(m));
}).catch(async (err: unknown) => {
  if (!(err instanceof StartupRefused)) throw err;
  console.error(`OneGrid did not start: ${err.message}`);
  await Promise.all([dbs.app.close(), dbs.owner !== dbs.app && dbs.owner.close()]);
  process.exit(1);
});
const { handle } = started.ctx;
if (dbs.owner !== dbs.app) await dbs.owner.close();
for (const warning of started.warnings) app.log.warn(warning);
// SQLite keeps its planner statistics current cheaply (a no-op when nothing changed much).
if (handle.sqlite) handle.sqlite.pragma('optimize');
await app.listen({ port: config.port, host: config.host });
const stopJobs = [startJobs(started.ctx, (err, job) => app.log.error({ err, job }, 'scheduled job failed'))];
app.log.info(`OneGrid on http://localhost:${config.port} (${handle.dialect})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    for (const stop of stopJobs) stop();
    await app.close();
    await handle.close();
    process.exit(0);
  });
}
