// npm test: the API tests (Vitest, app.inject on SQLite, or on PostgreSQL when DATABASE_URL is set),
// then the browser tests (playwright-core driving Debian's chromium against a real server).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const results = '.test-results';
fs.mkdirSync(results, { recursive: true });
const db = process.env.DATABASE_URL ? 'postgres' : 'sqlite';
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status ?? 1;
const vitest = (config, name) =>
  run('npx', ['vitest', 'run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile.json=${results}/${name}.json`]);

console.log(`\n== API tests on ${db} ==`);
const api = vitest('vitest.config.ts', 'api');
console.log('\n== browser tests ==');
const browser = run('node', ['scripts/ensure-browser.mjs']);
const e2e = browser === 0 ? vitest('e2e/vitest.config.ts', 'e2e') : browser;
let status = api || e2e;

let passed = 0;
let failed = 0;
let skipped = 0;
for (const name of ['api', 'e2e']) {
  const file = `${results}/${name}.json`;
  if (!fs.existsSync(file)) continue;
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  fs.rmSync(file);
}
if (passed + failed === 0) status ||= 1;
console.log(`\n${db}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(status);
