import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import type { DbHandle } from './db.js';
import { dataKeyFile } from './personal-data.js';

export interface BackupManifest {
  createdAt: string;
  database: 'sqlite' | 'postgres';
  files: string[];
  keyIncluded: boolean;
}

/**
 * Writes a consistent copy of the data to `dest`: SQLite's online backup (safe while the app runs) or pg_dump,
 * plus the personal-data key (when it lives in DATA_DIR) and the uploads folder.
 */
export async function writeBackup(config: Config, handle: DbHandle, dest: string): Promise<BackupManifest> {
  fs.mkdirSync(dest, { recursive: true });
  const files: string[] = [];
  if (handle.sqlite) {
    await handle.sqlite.backup(path.join(dest, 'onegrid.sqlite'));
    files.push('onegrid.sqlite');
  } else {
    execFileSync('pg_dump', ['--format=custom', '--no-owner', `--file=${path.join(dest, 'onegrid.pgdump')}`, config.databaseUrl!]);
    files.push('onegrid.pgdump');
  }
  const keyFile = dataKeyFile(config.dataDir);
  const keyIncluded = !config.dataKey && fs.existsSync(keyFile);
  if (keyIncluded) {
    fs.copyFileSync(keyFile, path.join(dest, 'onegrid.key'));
    fs.chmodSync(path.join(dest, 'onegrid.key'), 0o600);
    files.push('onegrid.key');
  }
  const uploads = config.uploadDir;
  if (fs.existsSync(uploads)) {
    fs.cpSync(uploads, path.join(dest, 'uploads'), { recursive: true });
    files.push('uploads/');
  }
  const manifest: BackupManifest = { createdAt: new Date().toISOString(), database: handle.dialect, files, keyIncluded };
  fs.writeFileSync(path.join(dest, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}

/**
 * Restores a backup into DATA_DIR (and, on PostgreSQL, the database of DATABASE_URL, as MIGRATION_DATABASE_URL's role when
 * set). The app must be stopped. The database keeps the key's fingerprint, so the next start checks that the key restored
 * (or ONEGRID_DATA_KEY) is the one the data was written with.
 */
export function restoreBackup(config: Config, src: string): BackupManifest {
  const manifest = JSON.parse(fs.readFileSync(path.join(src, 'manifest.json'), 'utf8')) as BackupManifest;
  fs.mkdirSync(config.dataDir, { recursive: true });
  if (manifest.database === 'sqlite') {
    if (config.databaseUrl) throw new Error('This backup is of SQLite; unset DATABASE_URL to restore it');
    const target = path.join(config.dataDir, 'onegrid.sqlite');
    for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
    fs.copyFileSync(path.join(src, 'onegrid.sqlite'), target);
  } else {
    if (!config.databaseUrl) throw new Error('This backup is of PostgreSQL; set DATABASE_URL to the database to restore into');
    // As the tables' owner where there is one: the restore drops and recreates them (and their triggers).
    const owner = config.migrationDatabaseUrl ?? config.databaseUrl;
    execFileSync('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${owner}`, path.join(src, 'onegrid.pgdump')]);
  }
  if (manifest.keyIncluded) {
    fs.copyFileSync(path.join(src, 'onegrid.key'), dataKeyFile(config.dataDir));
    fs.chmodSync(dataKeyFile(config.dataDir), 0o600);
  }
  if (fs.existsSync(path.join(src, 'uploads'))) fs.cpSync(path.join(src, 'uploads'), config.uploadDir, { recursive: true });
  return manifest;
}
