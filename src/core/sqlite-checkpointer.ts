import { once } from 'node:events';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the checkpointer moves the write-ahead log into the database file. */
const EVERY_MS = 1000;

// Plain JavaScript, so the worker needs no TypeScript loader; better-sqlite3 is resolved by the main thread.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: next time */ } };
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

/**
 * SQLite copies the write-ahead log into the database file (a checkpoint, with an fsync) inside the COMMIT that makes
 * the log long: after a 20,000-row import that took half a second, during which the event loop waited. Here a worker
 * thread with its own connection checkpoints every second instead (PASSIVE: it never blocks the app's reads and
 * writes), and the app's connection is told not to (wal_autocheckpoint = 0, set by the caller).
 */
export function startCheckpointer(file: string): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { file, driver, everyMs: EVERY_MS } });
  // An idle checkpointer does not keep the process alive.
  worker.unref();
  const exited = once(worker, 'exit').then(() => undefined);
  worker.on('error', () => {});
  return {
    async stop() {
      // Held again while it stops: an unref'd worker would let a process that is closing down end before its exit
      // (a top-level await left unsettled: exit code 13).
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
