import path from 'node:path';
import { loadConfig } from '../config.js';
import { restoreBackup } from '../core/backup.js';

// npm run restore -- <folder>: stop the app first.
const src = process.argv[2];
if (!src) {
  console.error('usage: npm run restore -- <backup folder>');
  process.exit(2);
}
const manifest = restoreBackup(loadConfig(), path.resolve(src));
console.log(`restored ${manifest.database} backup of ${manifest.createdAt} into ${loadConfig().dataDir}`);
