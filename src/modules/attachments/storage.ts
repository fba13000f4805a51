import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.js';
import type { Trx } from '../../core/db.js';
import { invalid } from '../../core/errors.js';
import { appendEvent, type EventActor } from '../../core/events.js';
import { newId, nowIso } from '../../core/ids.js';
import { DamagedImage, stripMetadata } from './metadata/index.js';
import type { UploadedFile } from './read-upload.js';
import { attachmentMsg } from './messages.js';
import { msg } from '../../core/i18n.js';

export const MAX_PHOTOS = 6;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** The accepted image types, recognised by their first bytes: what the client claims is not enough. */
const TYPES = [
  { mime: 'image/jpeg', ext: 'jpg', matches: (b: Buffer) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/png', ext: 'png', matches: (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mime: 'image/webp', ext: 'webp', matches: (b: Buffer) => b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP' },
] as const;

export interface CheckedPhoto {
  data: Buffer;
  mime: string;
  ext: string;
}

/**
 * Every file must be a JPEG, PNG or WebP both by its declared type and by its bytes; one bad file rejects them all.
 * What is kept is the photo without its metadata (a phone's EXIF carries the GPS position of the resident's home).
 */
export function checkPhotos(files: UploadedFile[]): CheckedPhoto[] {
  if (files.length > MAX_PHOTOS) throw tooMany();
  return files.map((f, i) => {
    const type = TYPES.find((t) => t.matches(f.data));
    if (!type || !TYPES.some((t) => t.mime === f.declaredMime)) {
      throw invalid(`photos.${i}`, attachmentMsg.badPhotoType, 'bad_photo_type');
    }
    return { data: withoutMetadata(type.mime, f.data, i), mime: type.mime, ext: type.ext };
  });
}

function withoutMetadata(mime: (typeof TYPES)[number]['mime'], data: Buffer, i: number): Buffer {
  try {
    return stripMetadata(mime, data);
  } catch (error) {
    if (!(error instanceof DamagedImage)) throw error;
    throw invalid(`photos.${i}`, attachmentMsg.photoDamaged, 'photo_damaged');
  }
}

export const tooMany = () => invalid('photos', msg(attachmentMsg.tooManyPhotos, { max: MAX_PHOTOS }), 'too_many_photos');

/** Files live under UPLOAD_DIR, by default DATA_DIR/uploads (which the backup copies). */
export function uploadRoot(config: Config): string {
  return config.uploadDir;
}

/** The file of a stored attachment, or null when its recorded path would leave the upload folder. */
export function attachmentFile(root: string, relative: string): string | null {
  const file = path.resolve(root, relative);
  return file.startsWith(root + path.sep) ? file : null;
}

/** The record a file hangs on: its kind and id, and its place (scope, the event, and the path copy). */
export interface AttachmentOwner {
  entityType: string;
  entityId: string;
  placeId: string;
  placePath: string;
}

/** A record's files lie in a folder of their own: a work order's under `work-orders/<id>/`. */
const folderOf = (owner: AttachmentOwner) => path.posix.join(`${owner.entityType.replace(/_/g, '-')}s`, owner.entityId);
/** The record a folder holds the files of: `work-orders`, `<id>` → work_order <id>. */
export const recordOfFolder = (kind: string, id: string) => ({ entityType: kind.replace(/s$/, '').replace(/-/g, '_'), entityId: id });

/** A file is written under this suffix and takes its own name only once its row is committed. */
export const PENDING_SUFFIX = '.part';

/** A file written during a transaction: where it lies until the commit, and the name its row gives it. */
export interface StagedFile {
  pending: string;
  file: string;
}

/**
 * Writes the files to disk under a pending name and records them with one `add_photos` event on the owner, inside the
 * caller's transaction. Every file written is pushed to `staged` first: withAttachmentFiles gives each its name once
 * the transaction has committed, or removes it if the transaction fails.
 */
export async function saveAttachments(
  trx: Trx, root: string, owner: AttachmentOwner, stage: string, photos: CheckedPhoto[], actor: EventActor, staged: StagedFile[],
) {
  if (photos.length === 0) return [];
  const dir = folderOf(owner);
  await fs.promises.mkdir(path.join(root, dir), { recursive: true });
  const now = nowIso();
  // Sorted ids keep the upload order when listed by id.
  const ids = photos.map(() => newId()).sort();
  const rows = photos.map((p, i) => {
    const id = ids[i]!;
    return { id, entity_type: owner.entityType, entity_id: owner.entityId, stage, file: path.posix.join(dir, `${id}.${p.ext}`), mime: p.mime,
      size: p.data.length, place_id: owner.placeId, place_path: owner.placePath, created_at: now };
  });
  for (const [i, row] of rows.entries()) {
    const file = path.join(root, row.file);
    const pending = file + PENDING_SUFFIX;
    staged.push({ pending, file });
    await fs.promises.writeFile(pending, photos[i]!.data, { flag: 'wx', mode: 0o640 });
  }
  await trx.insertInto('attachments').values(rows).execute();
  await appendEvent(trx, actor, {
    entityType: owner.entityType, entityId: owner.entityId, placeId: owner.placeId, action: 'add_photos', to: { stage, photoIds: rows.map((r) => r.id) },
  }, now);
  return rows.map((r) => ({ id: r.id, stage: r.stage, mime: r.mime, size: r.size }));
}

/**
 * Runs `work` (which commits a transaction that calls saveAttachments) with a list it fills with the files it writes.
 * Once the work has succeeded, the transaction is committed and each file takes its name; if the work fails (rolled
 * back), they are removed. A process that dies in between leaves pending files, which the sweep job settles.
 */
export async function withAttachmentFiles<T>(work: (staged: StagedFile[]) => Promise<T>): Promise<T> {
  const staged: StagedFile[] = [];
  let result: T;
  try {
    result = await work(staged);
  } catch (error) {
    await Promise.all(staged.map((f) => fs.promises.rm(f.pending, { force: true })));
    const dirs = [...new Set(staged.map((f) => path.dirname(f.file)))];
    // Only an empty folder goes: another request may be adding files to the same record.
    await Promise.all(dirs.map((d) => fs.promises.rmdir(d).catch(() => {})));
    throw error;
  }
  // The rows are committed: a file that cannot take its name now is named by the sweep (sweepAttachmentFiles).
  await Promise.all(staged.map((f) => fs.promises.rename(f.pending, f.file).catch(() => {})));
  return result;
}
