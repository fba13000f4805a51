import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type APIRequestContext, type Browser, type Cookie } from 'playwright-core';
import { flag, isMain, log, percentile, repoRoot } from './support.js';
import { freePort } from '../e2e/support/free-port.js';

export const CHROMIUM = '/usr/bin/chromium';
export const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const ADMIN = { username: 'admin', password: 'OneGrid!2026' };
/** A street of the demo district: once it shows, the tree has rendered its first two levels. */
const STREET_NAME = '西南街道';

/** Sets window.__treeShownAt once the tree shows STREET_NAME and that frame has been drawn (rAF, then the next task). */
const TREE_SHOWN_PROBE = `
  new MutationObserver((_, observer) => {
    const tree = document.querySelector('.ant-tree');
    if (!tree || !tree.textContent.includes(${JSON.stringify(STREET_NAME)})) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => { window.__treeShownAt = performance.now(); }, 0));
  }).observe(document, { childList: true, subtree: true, characterData: true });
`;

export type TreeReport =
  | { skipped: string }
  | { runs: number; firstMs: number; medianMs: number; maxMs: number; firstApiMs: number; lastApiMs: number; bundleBytes: number; harnessMedianMs: number; database: string };

/**
 * Starts the real server on a fresh data directory (it seeds the demo), signs in as admin, and times each navigation
 * to /places until the tree shows the district with its streets, in a fresh browser context each time (cold cache).
 */
export async function benchTree(opts: { runs?: number } = {}): Promise<TreeReport> {
  const runs = opts.runs ?? 10;
  const skipped = browserBenchSkipped();
  if (skipped) return { skipped };
  return withDemoServer('tree', async ({ server, browser, cookies }) => {
    const times: number[] = [];
    // The harness's own view (page.goto until Playwright sees the text) includes its polling, up to 100–500 ms late.
    const harness: number[] = [];
    // Where the time goes: the first API request and the last API answer before the tree shows (the page's clock).
    const firstApi: number[] = [];
    const lastApi: number[] = [];
    let bundleBytes = 0;
    for (let i = 0; i < runs + 1; i++) {
      const context = await browser.newContext({ baseURL: server.url, locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
      await context.addCookies(cookies);
      // On the page's own clock (0 = navigation start, as the browser's performance timeline counts): the end of the
      // first frame in which the tree shows the street (a mutation observer sees the text, then the frame is drawn).
      await context.addInitScript({ content: TREE_SHOWN_PROBE });
      const page = await context.newPage();
      const sizes: Promise<number>[] = [];
      if (i === 0) page.on('requestfinished', (r) => {
        if (r.resourceType() === 'script') sizes.push(r.sizes().then((z) => z.responseBodySize));
      });
      const started = performance.now();
      await page.goto('/places', { waitUntil: 'commit' });
      await page.locator('.ant-tree').getByText(STREET_NAME, { exact: true }).waitFor({ timeout: 30_000 });
      harness.push(performance.now() - started);
      await page.waitForFunction(() => (window as unknown as { __treeShownAt?: number }).__treeShownAt !== undefined);
      const m = await page.evaluate(() => {
        const shown = (window as unknown as { __treeShownAt: number }).__treeShownAt;
        const api = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/') && e.startTime < shown) as PerformanceResourceTiming[];
        return { shown, firstApi: Math.min(...api.map((e) => e.startTime)), lastApi: Math.max(...api.map((e) => e.responseEnd)) };
      });
      times.push(m.shown);
      if (i === 0) bundleBytes = (await Promise.all(sizes)).reduce((x, y) => x + y, 0);
      if (i > 0) {
        firstApi.push(m.firstApi);
        lastApi.push(m.lastApi);
      }
      await context.close();
    }
    const [first, ...rest] = times;
    const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);
    log(`tree: first ${first!.toFixed(0)} ms, median ${median(rest).toFixed(0)} ms over ${runs}`);
    return {
      runs, firstMs: first!, medianMs: median(rest), maxMs: Math.max(...rest), firstApiMs: median(firstApi), lastApiMs: median(lastApi), bundleBytes,
      harnessMedianMs: median(harness.slice(1)),
      database: 'SQLite (demo seed)',
    };
  });
}

/** Why a browser bench cannot run here (no built web app, no chromium), or null. */
export function browserBenchSkipped(): string | null {
  if (!fs.existsSync(path.join(repoRoot, 'web/dist/index.html'))) return 'web/dist is not built (`npm run build:web`)';
  if (!fs.existsSync(CHROMIUM)) return `${CHROMIUM} is not installed`;
  return null;
}

/**
 * Runs `fn` against the real server on a fresh data directory (it seeds the demo) with headless chromium and the
 * admin's session (`admin`: an API context signed in; `cookies` for fresh contexts); stops and removes it all afterwards.
 */
export async function withDemoServer<T>(name: string, fn: (s: { server: { url: string }; browser: Browser; admin: APIRequestContext; cookies: Cookie[] }) => Promise<T>): Promise<T> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `onegrid-bench-${name}-`));
  const server = await startServer(dataDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  try {
    const signIn = await browser.newContext({ baseURL: server.url });
    const res = await signIn.request.post('/api/auth/login', { data: ADMIN });
    if (!res.ok()) throw new Error(`sign-in as admin failed: ${res.status()} ${await res.text()}`);
    const { cookies } = await signIn.storageState();
    try {
      return await fn({ server, browser, admin: signIn.request, cookies });
    } finally {
      await signIn.close();
    }
  } finally {
    await browser.close();
    server.child.kill('SIGTERM');
    await once(server.child, 'exit');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The real server on SQLite in `dataDir` (it seeds the demo). With `logFile` its log goes there at level info (the SMS
 * log adapter's one-time codes among it), else only warnings, to nowhere.
 */
export async function startServer(dataDir: string, logFile?: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: logFile ? 'info' : 'warn' };
  delete env.DATABASE_URL;
  const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: repoRoot, env, stdio: ['ignore', out, 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return { url, child };
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error('the server did not answer /api/health within 120 s');
}


export function treeTable(r: TreeReport): string {
  if ('skipped' in r) return `Not measured: ${r.skipped}.`;
  return [
    `From navigation start to the first drawn frame in which \`.ant-tree\` shows ${STREET_NAME} (district + its streets), on ` +
      `the page's own clock (a mutation observer, then requestAnimationFrame), /places signed in as admin, a fresh browser ` +
      `context (empty cache) per run, headless Debian chromium; server on ${r.database}. Seen from outside, Playwright's ` +
      `wait for the same text returns at ${r.harnessMedianMs.toFixed(0)} ms (median): it polls, up to 500 ms apart.`,
    '',
    '| first run (server just started) | median of next ' + r.runs + ' | max of those | target < 1 s |',
    '|---:|---:|---:|---|',
    `| ${r.firstMs.toFixed(0)} ms | ${r.medianMs.toFixed(0)} ms | ${r.maxMs.toFixed(0)} ms | ${r.maxMs < 1000 ? (r.firstMs < 1000 ? 'met' : 'met by every run once the server has answered its first requests') : r.medianMs < 1000 ? 'median only' : '**missed**'} |`,
    '',
    `Medians: first API request at ${r.firstApiMs.toFixed(0)} ms (sent by the small entry script while the rest of the code loads), ` +
      `last API answer at ${r.lastApiMs.toFixed(0)} ms, tree shown at ${r.medianMs.toFixed(0)} ms. ` +
      `JavaScript loaded for the page: ${(r.bundleBytes / 1024).toFixed(0)} KiB as sent (brotli).`,
  ].join('\n');
}

if (isMain(import.meta.url)) {
  const report = await benchTree({ runs: flag('quick') ? 3 : 10 });
  console.log(treeTable(report));
}
