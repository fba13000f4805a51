import type { FastifyReply } from 'fastify';
import { sql } from 'kysely';
import type { Actor } from '../../core/access/actor.js';
import { allowedWhere, can } from '../../core/access/policy.js';
import { assertInScope, inSubtrees } from '../../core/access/scope.js';
import type { AppContext } from '../../core/context.js';
import { forbidden } from '../../core/errors.js';
import { exportLedger, defineLedger, type LedgerRecord } from '../../core/ledger/index.js';
import { ANNOUNCEMENT_LABELS, ANNOUNCEMENT_STATES } from '../../../contracts/announcements.js';
import { findPlace } from '../places/index.js';
import { announcementPolicy, announcementReadPolicy } from './policy.js';
import { readCounts } from './receipts.js';
import { announcementMsg } from './messages.js';

/** The notices of a place as a ledger: one row per notice (drafts left out) with its reach and read counts. */
export const ANNOUNCEMENTS_LEDGER = defineLedger({
  key: 'announcements',
  sheet: '通知公告',
  title: announcementMsg.ledgerTitle,
  columns: [
    { key: 'title', header: '标题', type: 'text', width: 36 },
    { key: 'place', header: '发布范围', type: 'text', width: 20 },
    { key: 'state', header: '状态', type: 'enum', width: 10, options: Object.fromEntries(ANNOUNCEMENT_STATES.map((s) => [s, ANNOUNCEMENT_LABELS.states[s].zh])) },
    { key: 'publishedAt', header: '发布时间', type: 'datetime', width: 20 },
    { key: 'withdrawnAt', header: '撤回时间', type: 'datetime', width: 20 },
    { key: 'households', header: '覆盖户数', type: 'number', width: 10 },
    { key: 'householdsRead', header: '已读户数', type: 'number', width: 10 },
    { key: 'readers', header: '已读人数', type: 'number', width: 10 },
  ],
});

/** Notices read per batch: each batch is one query for the rows and one for their read counts. */
const BATCH = 500;

/** The ledger of a place in the caller's subtree (else 404) for its offices (else 403): its notices, drafts left out, with read counts. */
export async function exportAnnouncements(ctx: AppContext, actor: Actor, placeId: string, reply: FastifyReply): Promise<FastifyReply> {
  const place = await findPlace(ctx.handle.db, placeId);
  assertInScope(actor, place?.path, 'place');
  if (!can(actor, announcementPolicy, 'export', place!.path, {})) throw forbidden();
  await exportLedger(reply, ANNOUNCEMENTS_LEDGER, ledgerRows(ctx, actor, place!.path), { fileName: [place!.name, ANNOUNCEMENTS_LEDGER.title.zh] });
  return reply;
}

/** The notices a batch at a time, newest first, each with the households under its place and its reads. */
async function* ledgerRows(ctx: AppContext, actor: Actor, path: string): AsyncIterable<LedgerRecord<typeof ANNOUNCEMENTS_LEDGER>> {
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
      yield { title: r.title, place: r.place, state: r.state, publishedAt: r.published_at, withdrawnAt: r.withdrawn_at,
        households: Number(r.households), householdsRead: counts.get(r.id)?.householdsRead ?? 0, readers: counts.get(r.id)?.readers ?? 0 };
    }
    if (rows.length < BATCH) return;
  }
}
