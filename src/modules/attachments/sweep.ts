import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../../core/context.js';
import type { Job } from '../../core/module.js';
import { PENDING_SUFFIX, recordOfFolder, uploadRoot } from './storage.js';

/** A file untouched this long is no upload in progress: a pending file's transaction has long committed or failed. */
export const ORPHAN_AGE_MS = 3600_000;

/** Only what saveAttachments writes: `<kind>s/<record id>/<attachment id>.<ext>` and its pending copy. Nothing else is touched. */
const ATTACHMENT_NAME = /^[0-9a-z]{8,32}\.(?:jpg|png|webp)(?:\.part)?$/;
const RECORD_FOLDER = /^[0-9a-z][0-9a-z-]{0,62}$/;

export interface SweepResult {
  /** Files with no row, or pending files whose transaction failed: deleted. */
  removed: number;
  /** Pending files whose row was committed (the process stopped before renaming): given their name. */
  named: number;
}

async function entries(dir: string): Promise<fs.Dirent[]> {
  return fs.promises.readdir(dir, { withFileTypes: true }).catch(() => []);
}

/**
 * Settles the upload folder: a file older than an hour with no attachment row is deleted (written before a transaction
 * that failed, by a process that died before cleaning up); a pending file whose row exists takes its name. Files with a
 * row, and anything younger than `olderThanMs`, stay.
 */
export async function sweepAttachmentFiles(ctx: AppContext, now = new Date(), olderThanMs = ORPHAN_AGE_MS): Promise<SweepResult> {
  const root = uploadRoot(ctx.config);
  const before = now.getTime() - olderThanMs;
  const result: SweepResult = { removed: 0, named: 0 };
  for (const kind of await entries(root)) {
    if (!kind.isDirectory() || !RECORD_FOLDER.test(kind.name)) continue;
    for (const record of await entries(path.join(root, kind.name))) {
      if (!record.isDirectory() || !RECORD_FOLDER.test(record.name)) continue;
      const dir = path.join(root, kind.name, record.name);
      const old: { name: string; relative: string }[] = [];
      for (const f of await entries(dir)) {
        if (!f.isFile() || !ATTACHMENT_NAME.test(f.name)) continue;
        const stat = await fs.promises.stat(path.join(dir, f.name)).catch(() => null);
        if (!stat || stat.mtimeMs > before) continue;
        old.push({ name: f.name, relative: path.posix.join(kind.name, record.name, f.name.replace(PENDING_SUFFIX, '')) });
      }
      if (old.length === 0) continue;
      const { entityType, entityId } = recordOfFolder(kind.name, record.name);
      // The record's rows (index attachments_entity), whatever their stage.
      const rows = await ctx.handle.db.selectFrom('attachments').select('file').where('entity_type', '=', entityType).where('entity_id', '=', entityId).execute();
      const recorded = new Set(rows.map((r) => r.file));
      for (const o of old) {
        const file = path.join(dir, o.name);
        const named = path.join(root, o.relative);
        if (recorded.has(o.relative) && o.name.endsWith(PENDING_SUFFIX) && !fs.existsSync(named)) {
          await fs.promises.rename(file, named);
          result.named++;
        } else if (!recorded.has(o.relative) || o.name.endsWith(PENDING_SUFFIX)) {
          await fs.promises.rm(file, { force: true });
          result.removed++;
        }
      }
    }
  }
  return result;
}

/** Hourly: orphans are harmless meanwhile (nothing serves a file without its row), only unwanted on disk. */
export const attachmentSweepJob: Job = { name: 'attachments.sweep-files', everyMs: ORPHAN_AGE_MS, firstAfterMs: 60_000, run: (ctx) => sweepAttachmentFiles(ctx) };
