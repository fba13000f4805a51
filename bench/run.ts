import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchCounts, countsTable, type CountsReport } from './counts.js';
import { countsLine, generateDistrict, generateTable, type GenerateReport } from './generate-district.js';
import { benchHttp, httpTable } from './http.js';
import { benchH5Light, h5LightTable } from './h5-light.js';
import { benchQrPage, qrPageTable } from './qr-page.js';
import { chosenTargets, flag, log, repoRoot, seconds, sqliteFile, type Target } from './support.js';
import { benchPlaceMap, placeMapTable } from './place-map.js';
import { benchTree, treeTable } from './tree.js';
import { benchWoHttp, woHttpTable } from './work-orders-http.js';
import { benchWorkOrders, woTable, type WoReport } from './work-orders.js';
import { dropPgWo, generateWorkOrders } from './work-orders-data.js';

/**
 * `npm run bench`: generate the large district (SQLite, and PostgreSQL with --pg or DATABASE_URL), time the counts,
 * the household API against a bare server, and the place tree in the browser; print and write bench/RESULTS.md.
 * --reuse keeps an existing district, --proposals also measures the changes proposed for src.
 * --work-orders adds the work-order benchmarks (bench/work-orders.ts, its own databases; --reuse keeps them too).
 */
const targets = chosenTargets().includes('sqlite') ? chosenTargets() : (['sqlite', ...chosenTargets()] as Target[]);
const proposals = flag('proposals');
const started = performance.now();
const loadBefore = os.loadavg();
const sections: string[] = [];

const generated: GenerateReport[] = [];
const counts: CountsReport[] = [];
for (const target of targets) {
  if (flag('reuse') && (target === 'postgres' || fs.existsSync(sqliteFile))) log(`${target}: reusing the generated district`);
  else generated.push(await generateDistrict(target));
  counts.push(...(await benchCounts(target, { proposals })));
}
if (generated.length > 0) {
  sections.push(['## Generating the large district', '', ...generated.map((g) => `- ${g.target}: ${countsLine(g)}`), '', generateTable(generated)].join('\n'));
}
sections.push(`## Counts per place (target < 50 ms)\n\n${countsTable(counts)}`);
sections.push(`## Household detail through the API (target ≥ half the bare server)\n\n${httpTable(await benchHttp())}`);
sections.push(`## Compound QR page, public (target ≥ half the bare server)\n\n${qrPageTable(await benchQrPage())}`);
sections.push(`## Place tree in the browser (target < 1 s)\n\n${treeTable(await benchTree())}`);
sections.push(`## Street map in the browser (target < 1 s)\n\n${placeMapTable(await benchPlaceMap())}`);
sections.push(`## Light pages on a phone, Fast 3G (target ≤ 150 KB, < 2 s)\n\n${h5LightTable(await benchH5Light())}`);
if (flag('work-orders')) {
  const wo: WoReport[] = [];
  for (const target of targets) {
    const generated = flag('reuse') ? undefined : await generateWorkOrders(target, target === 'postgres' ? 2_000_000 : 200_000, 360_000);
    wo.push(await benchWorkOrders(target, { runs: target === 'postgres' ? 5 : 10, proposals, generated }));
  }
  sections.push(`## Work orders: ranking < 1 s, street inbox < 100 ms, overdue scan < 200 ms\n\n${woTable(wo)}`);
  sections.push(`## Filing a demand through the API, against the bare server\n\n${woHttpTable(await benchWoHttp())}`);
  if (!flag('reuse') && targets.includes('postgres')) await dropPgWo();
}

const loadAfter = os.loadavg();
const cpu = os.cpus();
const header = [
  '# OneGrid benchmarks',
  '',
  `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench${process.argv.slice(2).length ? ' -- ' + process.argv.slice(2).join(' ') : ''}\` ` +
    `in ${seconds(performance.now() - started)}: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
    `Node ${process.version}, ${os.platform()} ${os.release()}.`,
  `Load average before ${loadBefore.map((l) => l.toFixed(2)).join(' / ')}, after ${loadAfter.map((l) => l.toFixed(2)).join(' / ')}` +
    (Math.max(loadBefore[0]!, loadAfter[0]!) > cpu.length * 0.75 ? ' — **other work was running; figures are pessimistic**.' : '.'),
  'Benchmarks, not tests: nothing here fails on a slow figure.',
];
const text = [header.join('\n'), ...sections].join('\n\n') + '\n';
fs.writeFileSync(path.join(repoRoot, 'bench/RESULTS.md'), text);
console.log(text);
