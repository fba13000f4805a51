import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { benchCipher, benchDataDir } from './support.js';
import { openWo, WO_DISTRICT } from './work-orders-data.js';

/** The real app (buildApp) on the work-order SQLite file, in a child process of its own (see work-orders-http.ts). */
const config = { ...loadConfig({ DATA_DIR: benchDataDir }), databaseUrl: undefined, districtCode: WO_DISTRICT };
const app = await buildApp({ handle: openWo('sqlite'), config, cipher: benchCipher() }, { serveWeb: false });
await app.listen({ port: 0, host: '127.0.0.1' });
process.send?.({ port: (app.server.address() as AddressInfo).port });
process.on('disconnect', () => process.exit(0));
