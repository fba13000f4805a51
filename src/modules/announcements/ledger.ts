import { PassThrough } from 'node:stream';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { sql } from 'kysely';
import type { Actor } from '../../core/access/actor.js';
import { allowedWhere, can } from '../../core/access/policy.js';
import { assertInScope, inSubtrees } from '../../core/access/scope.js';
import type { AppContext } from '../../core/context.js';
import { forbidden } from '../../core/errors.js';
import { ANNOUNCEMENT_LABELS } from '../../../contracts/announcements.js';
import { findPlace } from '../places/index.js';
import { announcementPolicy, announcementReadPolicy } from './policy.js';
import { readCounts } from './receipts.js';

// The ledger kit (src/core/ledger) had not landed when this was written: the sheet is streamed with ExcelJS directly.
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TITLE = '通知公告台账';
const COLUMNS = [
  { header: '标题', key: 'title', width: 36 }, { header: '发布范围', key: 'place', width: 20 }, { header: '状态', key: 'state', width: 10 },
  { header: '发布时间', key: 'publishedAt', width: 20, style: { numFmt: 'yyyy-mm-dd hh:mm:ss' } },
  { header: '撤回时间', key: 'withdrawnAt', width: 20, style: { numFmt: 'yyyy-mm-dd hh:mm:ss' } },
  { header: '覆盖户数', key: 'households', width: 10 }, { header: '已读户数', key: 'householdsRead', width: 10 }, { header: '已读人数', key: 'readers', width: 10 },
];
const BATCH = 500;
/** Excel has no time zones: an instant is written as the time a clock in China shows. */
const chinaTime = (iso: string | null) => (iso ? new Date(new Date(iso).getTime() + 8 * 3600_000) : null);
const fileName = (place: string) => `attachment; filename="announcements.xlsx"; filename*=UTF-8''${encodeURIComponent(`${place.replace(/[\\/:*?"<>|]/g, '')}_${TITLE}.xlsx`)}`;

/** The ledger of a place in the caller's subtree (else 404) for its offices (else 403): its notices, drafts left out, with read counts. */
export async function exportAnnouncements(ctx: AppContext, actor: Actor, placeId: string, reply: FastifyReply): Promise<void> {
  const place = await findPlace(ctx.handle.db, placeId);
  assertInScope(actor, place?.path, 'place');
  if (!can(actor, announcementPolicy, 'export', place!.path, {})) throw forbidden();
  const out = new PassThrough();
  reply.type(XLSX).header('content-disposition', fileName(place!.name)).send(out);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('通知公告', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS;
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  try {
    let written = 0;
    for await (const row of ledgerRows(ctx, actor, place!.path)) {
      sheet.addRow(row).commit();
      if (++written % BATCH === 0) await drained(out);
    }
    sheet.commit();
    await workbook.commit();
  } catch (error) {
    // The status line is gone: cut the download short so the client sees a broken file, not a short ledger.
    out.destroy(error as Error);
  }
}

/** Waits while the response is full (a slow client), so memory stays flat; gives up once the download is closed. */
async function drained(out: PassThrough): Promise<void> {
  await nextTurn();
  while (out.readableLength >= out.readableHighWaterMark && !out.destroyed) await sleep(5);
  if (out.destroyed) throw new Error('The download was closed before the ledger was written');
}

/** The notices a batch at a time, newest first, each with the households under its place and its reads. */
async function* ledgerRows(ctx: AppContext, actor: Actor, path: string) {
  const db = ctx.handle.db;
  for (let offset = 0; ; offset += BATCH) {
    const rows = await db.selectFrom('announcements').innerJoin('places', 'places.id', 'announcements.place_id')
      .select(['announcements.id', 'announcements.title', 'announcements.state', 'announcements.published_at', 'announcements.withdrawn_at', 'places.name as place'])
      .select(sql<number>`(select count(*) from places h where h.level = 'household' and h.path > announcements.place_path
        and h.path < substr(announcements.place_path, 1, length(announcements.place_path) - 1) || '0')`.as('households'))
      .where('announcements.state', '<>', 'draft').where((eb) => inSubtrees(eb, 'announcements.place_path', [path]))
      .where((eb) => allowedWhere(eb, actor, announcementReadPolicy, 'read', 'announcements.place_path'))
      .orderBy('announcements.published_at', 'desc').orderBy('announcements.id', 'desc').limit(BATCH).offset(offset).execute();
    const counts = await readCounts(db, rows.map((r) => r.id));
    for (const r of rows) {
      yield { title: r.title, place: r.place, state: ANNOUNCEMENT_LABELS.states[r.state].zh, publishedAt: chinaTime(r.published_at), withdrawnAt: chinaTime(r.withdrawn_at),
        households: Number(r.households), householdsRead: counts.get(r.id)?.householdsRead ?? 0, readers: counts.get(r.id)?.readers ?? 0 };
    }
    if (rows.length < BATCH) return;
  }
}
