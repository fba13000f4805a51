import fs from 'node:fs';
import type { FastifyReply } from 'fastify';
import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { DbOrTrx } from '../../core/db.js';
import { notFound } from '../../core/errors.js';
import { attachmentFile } from './storage.js';
import type { AttachmentTable } from './tables.js';

export type AttachmentRow = Selectable<AttachmentTable>;

/** A record's files in the order they were added (index attachments_entity). */
export async function listAttachments(db: DbOrTrx, entityType: string, entityId: string): Promise<AttachmentRow[]> {
  return db.selectFrom('attachments').selectAll().where('entity_type', '=', entityType).where('entity_id', '=', entityId)
    .orderBy('created_at').orderBy('id').execute();
}

/** The first (or the latest) file of `stage` of each of many records (one query): record id → file. */
export async function firstAttachments(
  db: DbOrTrx, entityType: string, entityIds: string[], stage: string, which: 'first' | 'latest' = 'first',
): Promise<Map<string, AttachmentRow>> {
  if (!entityIds.length) return new Map();
  const order = which === 'first' ? 'asc' : 'desc';
  const rows = await db.selectFrom('attachments').selectAll().where('entity_type', '=', entityType).where('entity_id', 'in', [...new Set(entityIds)])
    .where('stage', '=', stage).orderBy('created_at', order).orderBy('id', order).execute();
  const first = new Map<string, AttachmentRow>();
  for (const r of rows) if (!first.has(r.entity_id)) first.set(r.entity_id, r);
  return first;
}

/** One file by its id alone, for an owner that checks the record itself (Open311's public photos). */
export async function findAttachmentById(db: DbOrTrx, id: string): Promise<AttachmentRow | undefined> {
  return db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countAttachments(db: DbOrTrx, entityType: string, entityId: string, stage?: string): Promise<number> {
  let q = db.selectFrom('attachments').select((eb) => eb.fn.countAll<number>().as('n')).where('entity_type', '=', entityType).where('entity_id', '=', entityId);
  if (stage) q = q.where('stage', '=', stage);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** One file of one record: another record's file with the same id is not found. */
export async function findAttachment(db: DbOrTrx, entityType: string, entityId: string, id: string): Promise<AttachmentRow | undefined> {
  return db.selectFrom('attachments').selectAll().where('id', '=', id).where('entity_type', '=', entityType).where('entity_id', '=', entityId).executeTakeFirst();
}

/** Streams a stored file to a caller the owner has already let see it (cached privately unless told); a row without its file is 404 (`what`). */
export async function sendAttachment(reply: FastifyReply, root: string, row: AttachmentRow | undefined, what = 'attachment', cacheControl = 'private, max-age=86400') {
  const file = row ? attachmentFile(root, row.file) : null;
  const stat = file ? await fs.promises.stat(file).catch(() => null) : null;
  if (!row || !file || !stat?.isFile()) throw notFound(what);
  return reply.type(row.mime).header('content-length', stat.size).header('cache-control', cacheControl)
    .header('content-disposition', 'inline').send(fs.createReadStream(file));
}

/**
 * The id of a record's latest file of `stage` as a scalar subquery another module composes into a statement of its own
 * (the compound's QR page names each building head's photo); `entityId` is the SQL of the record's id there.
 */
export function latestAttachmentIdSql(entityType: string, stage: string, entityId: RawBuilder<unknown>): RawBuilder<string | null> {
  return sql<string | null>`(select a.id from attachments a where a.entity_type = ${entityType} and a.entity_id = ${entityId} and a.stage = ${stage}
    order by a.created_at desc, a.id desc limit 1)`;
}
