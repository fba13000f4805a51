// Builds the web app when web/dist/index.html is missing or older than any source of it (run by `prestart`).
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'web');
const built = path.join(web, 'dist', 'index.html');
const sources = [path.join(web, 'src'), path.join(web, 'public'), path.join(root, 'contracts'), path.join(web, 'index.html'), path.join(web, 'h5.html'), path.join(web, 'vite.config.ts')];

/** The newest modification time under a file or folder. */
function newest(p) {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(p).reduce((max, name) => Math.max(max, newest(path.join(p, name))), stat.mtimeMs);
}

const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
const sourcesAt = Math.max(...sources.map(newest));
if (builtAt >= sourcesAt) process.exit(0);

console.log(builtAt ? 'web/ changed since the last build; building it again' : 'web/dist is missing; building the web app');
// A production build even when called from a test runner (Vitest sets NODE_ENV=test, which Vite would honour).
execSync('npm run build:web', { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
