import http from 'node:http';
import type { AddressInfo } from 'node:net';
import SQLite from 'better-sqlite3';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/core/db.js';
import { toPlace, type PlaceRow } from '../src/modules/places/queries.js';
import { toResident, type ResidentRow } from '../src/modules/residents/queries.js';
import { benchCipher, benchDataDir, sqliteFile } from './support.js';

/**
 * One server per child process, so each gets a core of its own while the load generator runs in the parent:
 * `bare` is node:http + better-sqlite3 with two prepared statements; `app` is the real Fastify app on the same file.
 */
const mode = process.argv[2];

function startBare(): http.Server {
  const sqlite = new SQLite(sqliteFile, { readonly: true });
  const household = sqlite.prepare('select * from places where id = ?');
  const residents = sqlite.prepare(`select id, place_id, name, gender, relation, phone_masked, id_number_masked, version, created_at, updated_at
    from residents where place_id = ? order by relation`);
  return http.createServer((req, res) => {
    const match = /^\/households\/([0-9a-z]{1,64})$/.exec(req.url ?? '');
    const row = match ? (household.get(match[1]) as PlaceRow | undefined) : undefined;
    if (!row || row.level !== 'household') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"code":"not_found"}');
      return;
    }
    const body = JSON.stringify({ household: toPlace(row), residents: (residents.all(row.id) as ResidentRow[]).map(toResident) });
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(body);
  });
}

async function startApp(): Promise<number> {
  const config = { ...loadConfig({ DATA_DIR: benchDataDir }), databaseUrl: undefined };
  const handle = openDatabase({ dataDir: benchDataDir, sqliteFile });
  const app = await buildApp({ handle, config, cipher: benchCipher() }, { serveWeb: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as AddressInfo).port;
}

function listenBare(): Promise<number> {
  const server = startBare();
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}


if (mode !== 'bare' && mode !== 'app') throw new Error('usage: http-server.ts bare|app');
process.send?.({ port: mode === 'bare' ? await listenBare() : await startApp() });
// The parent asks for this process's CPU time around each load run: CPU per request barely moves with other work on
// the machine, unlike requests per second.
process.on('message', (m) => {
  if (m === 'cpu') process.send?.({ cpu: process.cpuUsage() });
});
process.on('disconnect', () => process.exit(0));
