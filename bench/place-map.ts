import { flag, isMain, log, percentile } from './support.js';
import { browserBenchSkipped, withDemoServer } from './tree.js';

const STREET_NAME = '西南街道';

/** Sets window.__mapDrawnAt once the map card says ECharts has drawn it (`data-drawn`) and that frame is on screen. */
const MAP_DRAWN_PROBE = `
  new MutationObserver((_, observer) => {
    if (!document.querySelector('[data-testid="place-map"][data-drawn="true"] svg path')) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => { window.__mapDrawnAt = performance.now(); }, 0));
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-drawn'] });
`;

export type PlaceMapReport =
  | { skipped: string }
  | { runs: number; firstMs: number; medianMs: number; p95Ms: number; maxMs: number; mapApiMs: number; features: number; database: string };

/**
 * Starts the real server on a fresh data directory (it seeds the demo with its generated geometry), signs in as admin and
 * times each navigation to the demo street's place page until its map card is drawn, in a fresh browser context each
 * time (cold cache), on the page's own clock (0 = navigation start).
 */
export async function benchPlaceMap(opts: { runs?: number } = {}): Promise<PlaceMapReport> {
  const runs = opts.runs ?? 10;
  const skipped = browserBenchSkipped();
  if (skipped) return { skipped };
  return withDemoServer('map', async ({ server, browser, admin, cookies }) => {
    const found = await (await admin.get(`/api/places/search?q=${encodeURIComponent(STREET_NAME)}&level=street`)).json() as { items: { id: string }[] };
    const streetId = found.items[0]!.id;
    const map = await (await admin.get(`/api/places/${streetId}/map`)).json() as { map: { features: unknown[] } };
    const times: number[] = [];
    const mapApi: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const context = await browser.newContext({ baseURL: server.url, locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
      await context.addCookies(cookies);
      await context.addInitScript({ content: MAP_DRAWN_PROBE });
      const page = await context.newPage();
      await page.goto(`/places/${streetId}`, { waitUntil: 'commit' });
      await page.waitForFunction(() => (window as unknown as { __mapDrawnAt?: number }).__mapDrawnAt !== undefined, undefined, { timeout: 30_000 });
      const m = await page.evaluate(() => {
        const drawn = (window as unknown as { __mapDrawnAt: number }).__mapDrawnAt;
        const api = performance.getEntriesByType('resource').find((e) => /\/api\/places\/[^/]+\/map$/.test(new URL(e.name).pathname)) as PerformanceResourceTiming | undefined;
        return { drawn, mapApi: api?.responseEnd ?? NaN };
      });
      times.push(m.drawn);
      if (i > 0) mapApi.push(m.mapApi);
      await context.close();
    }
    const [first, ...rest] = times;
    const sorted = [...rest].sort((a, b) => a - b);
    log(`street map: first ${first!.toFixed(0)} ms, median ${percentile(sorted, 50).toFixed(0)} ms over ${runs}`);
    return {
      runs, firstMs: first!, medianMs: percentile(sorted, 50), p95Ms: percentile(sorted, 95), maxMs: sorted.at(-1)!,
      mapApiMs: percentile([...mapApi].sort((a, b) => a - b), 50), features: map.map.features.length, database: 'SQLite (demo seed)',
    };
  });
}

export function placeMapTable(r: PlaceMapReport): string {
  if ('skipped' in r) return `Not measured: ${r.skipped}.`;
  return [
    `From navigation start to the first frame in which the map card of ${STREET_NAME}'s page (its ${r.features} children's ` +
      `boundaries over its outline) is drawn (the card's \`data-drawn\`, set when ECharts has rendered its SVG, then requestAnimationFrame), ` +
      `on the page's own clock, signed in as admin, a fresh browser context (empty cache) per run, headless Debian chromium; ` +
      `server on ${r.database}.`,
    '',
    `| first run (server just started) | median of next ${r.runs} | p95 | max | target < 1 s |`,
    '|---:|---:|---:|---:|---|',
    `| ${r.firstMs.toFixed(0)} ms | ${r.medianMs.toFixed(0)} ms | ${r.p95Ms.toFixed(0)} ms | ${r.maxMs.toFixed(0)} ms | ${r.p95Ms < 1000 ? 'met' : r.medianMs < 1000 ? 'median only' : '**missed**'} |`,
    '',
    `Median: the map's API answer at ${r.mapApiMs.toFixed(0)} ms.`,
  ].join('\n');
}

if (isMain(import.meta.url)) {
  const report = await benchPlaceMap({ runs: flag('quick') ? 3 : 10 });
  console.log(placeMapTable(report));
}
