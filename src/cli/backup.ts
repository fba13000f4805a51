import path from 'node:path';
import { loadConfig } from '../config.js';
import { writeBackup } from '../core/backup.js';
import { openDatabase } from '../core/db.js';

// npm run backup [-- <folder>]: default ./backups/onegrid-<time>
const config = loadConfig();
const dest = path.resolve(process.argv[2] ?? path.join('backups', `onegrid-${new Date().toISOString().replace(/[:.]/g, '-')}`));
const handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const manifest = await writeBackup(config, handle, dest);
await handle.close();
console.log(`backup written to ${dest}: ${manifest.files.join(', ')}`);
if (!manifest.keyIncluded) console.log('note: the key comes from ONEGRID_DATA_KEY; keep it with the backup, or personal data cannot be read back');
