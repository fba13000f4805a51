import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions } from 'playwright-core';
import { ARGS, CHROMIUM, startServer } from './tree.js';
import { flag, isMain, log, option, percentile, repoRoot } from './support.js';

/**
 * The resident's H5 filing page (the light entry, web/h5.html) against the back office's first screen (the staff
 * workbench, web/index.html), on Chrome's Fast 3G: for each, the bytes over the wire before the first screen and the
 * time to that screen, in a fresh browser context (empty cache) per run.
 */

/** Chrome DevTools' "Fast 3G" preset, as Network.emulateNetworkConditions takes it (bytes per second; CPU not throttled). */
export const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1000 * 1000 / 8) * 0.9, uploadThroughput: (750 * 1000 / 8) * 0.9 };
const PASSWORD = 'OneGrid!2026';
const PHONE = '13900007777';

interface Screen {
  name: string;
  /** A light page, held to the budget (≤ 150 KB over the wire, first screen < 2 s); the back office is only reported. */
  light: boolean;
  path: string;
  /** A script that is true once the first screen is there (its data drawn, not a spinner). */
  ready: string;
  context: BrowserContextOptions;
  cookies: Parameters<import('playwright-core').BrowserContext['addCookies']>[0];
}

export interface ScreenReport { name: string; light: boolean; path: string; runs: number; medianMs: number; maxMs: number; scriptsAtMs: number; apiAtMs: number; bytes: number; scriptBytes: number; cssBytes: number; requests: number; encodings: string[] }
export type H5LightReport = { skipped: string } | { screens: ScreenReport[]; throttled: boolean };

/** Sets window.__shownAt at the end of the first drawn frame (rAF, then the next task) in which `ready` holds. */
const probe = (ready: string) => `
  new MutationObserver((_, observer) => {
    if (!(${ready})) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => { window.__shownAt = performance.now(); }, 0));
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
`;

const PHONE_CONTEXT: BrowserContextOptions = { locale: 'zh-CN', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const DESKTOP_CONTEXT: BrowserContextOptions = { locale: 'zh-CN', viewport: { width: 1440, height: 900 } };

/** The code the SMS log adapter wrote to the server's log for `phone` (masked there as 139****7777). */
async function codeFromLog(logFile: string, phone: string): Promise<string> {
  const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  for (let i = 0; i < 100; i++) {
    for (const line of fs.readFileSync(logFile, 'utf8').split('\n').reverse()) {
      if (!line.includes(masked) || !line.includes('"oneTimeCode"')) continue;
      const code = /ONE-TIME CODE (\d{6})/.exec(line)?.[1];
      if (code) return code;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no one-time code for ${masked} in the server log`);
}

async function measure(browser: Browser, url: string, screen: Screen, throttle: boolean): Promise<{ ms: number; scriptsAt: number; apiAt: number; bytes: number; scriptBytes: number; cssBytes: number; requests: number; encodings: Set<string> }> {
  const context = await browser.newContext({ baseURL: url, ...screen.context });
  await context.addCookies(screen.cookies);
  await context.addInitScript({ content: probe(screen.ready) });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttle) await cdp.send('Network.emulateNetworkConditions', FAST_3G);
  // Everything that came over the wire (headers and bodies as sent: compressed where the server compressed), by request.
  const types = new Map<string, string>();
  const encodings = new Set<string>();
  let bytes = 0, scriptBytes = 0, cssBytes = 0, requests = 0, counting = true;
  cdp.on('Network.responseReceived', (e) => {
    types.set(e.requestId, e.type);
    const enc = Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === 'content-encoding')?.[1];
    if (e.type === 'Script' || e.type === 'Stylesheet') encodings.add(String(enc ?? 'identity'));
  });
  cdp.on('Network.loadingFinished', (e) => {
    if (!counting) return;
    bytes += e.encodedDataLength;
    requests++;
    if (types.get(e.requestId) === 'Script') scriptBytes += e.encodedDataLength;
    if (types.get(e.requestId) === 'Stylesheet') cssBytes += e.encodedDataLength;
  });
  await page.goto(screen.path, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { __shownAt?: number }).__shownAt !== undefined, undefined, { timeout: 60_000, polling: 50 });
  const { ms, scriptsAt, apiAt } = await page.evaluate(() => {
    const shown = (window as unknown as { __shownAt: number }).__shownAt;
    const before = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.responseEnd <= shown);
    // (No named functions in here: the runner's transform would wrap them in a helper the page does not have.)
    return {
      ms: shown,
      scriptsAt: Math.max(0, ...before.filter((e) => !e.name.includes('/api/')).map((e) => e.responseEnd)),
      apiAt: Math.max(0, ...before.filter((e) => e.name.includes('/api/')).map((e) => e.responseEnd)),
    };
  });
  // What had arrived by the first screen: requests still under way then (none is needed for it) are not counted.
  counting = false;
  await context.close();
  return { ms, scriptsAt, apiAt, bytes, scriptBytes, cssBytes, requests, encodings };
}

export async function benchH5Light(opts: { runs?: number; throttle?: boolean } = {}): Promise<H5LightReport> {
  const runs = opts.runs ?? 5;
  const throttle = opts.throttle ?? true;
  if (!fs.existsSync(path.join(repoRoot, 'web/dist/h5.html'))) return { skipped: 'web/dist is not built with the light entry (`npm run build:web`)' };
  if (!fs.existsSync(CHROMIUM)) return { skipped: `${CHROMIUM} is not installed` };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onegrid-bench-h5-'));
  const logFile = path.join(dataDir, 'server.log');
  const server = await startServer(dataDir, logFile);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  try {
    // A resident signed in by SMS code, and a street's staff signed in with a password, each once, through the API.
    const setup = await browser.newContext({ baseURL: server.url });
    const sent = await setup.request.post('/api/h5/code', { data: { phone: PHONE } });
    if (!sent.ok()) throw new Error(`sending the code failed: ${sent.status()} ${await sent.text()}`);
    const login = await setup.request.post('/api/h5/login', { data: { phone: PHONE, code: await codeFromLog(logFile, PHONE) } });
    if (!login.ok()) throw new Error(`the resident’s sign-in failed: ${login.status()} ${await login.text()}`);
    const staff = await setup.request.post('/api/auth/login', { data: { username: 'xinan', password: PASSWORD } });
    if (!staff.ok()) throw new Error(`the staff sign-in failed: ${staff.status()} ${await staff.text()}`);
    const { cookies } = await setup.storageState();
    await setup.close();
    const screens: Screen[] = [
      {
        name: 'H5 filing page (light entry)', light: true, path: '/h5', context: PHONE_CONTEXT, cookies,
        ready: `document.querySelector('[data-testid=h5-file-form]') && document.querySelectorAll('[data-testid=h5-category] option').length > 1`,
      },
      {
        name: 'public ranking (light entry)', light: true, path: '/public/ranking', context: PHONE_CONTEXT, cookies: [],
        ready: `document.querySelectorAll('[data-testid=public-row]').length > 0`,
      },
      {
        name: 'back office: staff workbench', light: false, path: '/workbench', context: DESKTOP_CONTEXT, cookies,
        ready: `(document.querySelector('[data-testid=workbench-place]')?.textContent ?? '').trim().length > 0 && !document.querySelector('.ant-spin-spinning, .ant-skeleton')`,
      },
    ];
    const reports: ScreenReport[] = [];
    for (const screen of screens) {
      const results = [];
      // One run first that warms the server (its first answers are slower), not counted.
      await measure(browser, server.url, screen, throttle);
      for (let i = 0; i < runs; i++) results.push(await measure(browser, server.url, screen, throttle));
      const times = results.map((r) => r.ms).sort((a, b) => a - b);
      const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);
      const last = results[results.length - 1]!;
      reports.push({
        name: screen.name, light: screen.light, path: screen.path, runs, medianMs: percentile(times, 50), maxMs: times[times.length - 1]!,
        scriptsAtMs: median(results.map((r) => r.scriptsAt)), apiAtMs: median(results.map((r) => r.apiAt)),
        bytes: last.bytes, scriptBytes: last.scriptBytes, cssBytes: last.cssBytes, requests: last.requests, encodings: [...last.encodings],
      });
      log(`${screen.name}: ${(last.bytes / 1024).toFixed(1)} KiB over the wire, first screen ${percentile(times, 50).toFixed(0)} ms (median of ${runs})`);
    }
    return { screens: reports, throttled: throttle };
  } finally {
    await browser.close();
    server.child.kill('SIGTERM');
    await once(server.child, 'exit');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

export function h5LightTable(r: H5LightReport): string {
  if ('skipped' in r) return `Not measured: ${r.skipped}.`;
  return [
    `${r.throttled ? 'Chrome’s Fast 3G (latency 562.5 ms, 1.44 Mbit/s down, 675 kbit/s up; CPU not throttled)' : 'Unthrottled loopback'}, a fresh ` +
      'browser context (empty cache) per run, headless Debian chromium; bytes as they came over the wire (headers and compressed ' +
      'bodies, CDP `encodedDataLength`) up to the first screen; time on the page’s clock (0 = navigation start) to the end of the first ' +
      'drawn frame showing it: the filing form with its categories, the ranking’s rows, the workbench with its place.',
    '',
    '| page | over the wire | of it script / CSS | requests | encoding | first screen, median | max | budget |',
    '|---|---:|---:|---:|---|---:|---:|---|',
    ...r.screens.map((s) => `| ${s.name} (\`${s.path}\`) | ${kib(s.bytes)} | ${kib(s.scriptBytes)} / ${kib(s.cssBytes)} | ${s.requests} | ${s.encodings.join(', ')} | ${s.medianMs.toFixed(0)} ms | ${s.maxMs.toFixed(0)} ms | ${
      s.light ? (s.bytes <= 150 * 1024 && s.maxMs < 2000 ? '≤ 150 KB and < 2 s: met' : '≤ 150 KB and < 2 s: **missed**') : 'report'} |`),
    '',
    ...r.screens.map((s) => `- ${s.name}: the last script or stylesheet arrived at ${s.scriptsAtMs.toFixed(0)} ms, the last API answer before ` +
      `the first screen at ${s.apiAtMs.toFixed(0)} ms (medians).`),
    '',
    `Load average while measuring: ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} (1 / 5 / 15 min).`,
  ].join('\n');
}

if (isMain(import.meta.url)) {
  const report = await benchH5Light({ runs: Number(option('runs', '5')), throttle: !flag('no-throttle') });
  console.log(h5LightTable(report));
}
