// Makes sure the browser tests can run here: Debian's chromium and the Noto CJK fonts (Chinese must render).
// Never downloads a browser of its own; as root it installs the two Debian packages, otherwise it says how.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const PACKAGES = ['chromium', 'fonts-noto-cjk'];

const missing = [CHROMIUM, CJK_FONT].filter((file) => !fs.existsSync(file));
if (missing.length === 0) process.exit(0);

console.log(`Missing for the browser tests: ${missing.join(', ')}`);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(`Run as root: apt-get update && apt-get install -y ${PACKAGES.join(' ')}`);
  process.exit(1);
}
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...PACKAGES], { stdio: 'inherit', env });
const still = [CHROMIUM, CJK_FONT].filter((file) => !fs.existsSync(file));
if (still.length) {
  console.error(`Still missing after apt-get: ${still.join(', ')}`);
  process.exit(1);
}
