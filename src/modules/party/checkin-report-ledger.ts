import type { FastifyReply } from 'fastify';
import type { Actor } from '../../core/access/actor.js';
import type { AppContext } from '../../core/context.js';
import { appendEvent } from '../../core/events.js';
import { defineLedger, exportLedger, zhOptions, type LedgerRecord } from '../../core/ledger/index.js';
import { PARTY_CHECKIN_KIND_LABELS, PARTY_CHECKIN_LABELS } from '../../../contracts/party-checkins.js';
import { employerView } from './checkins.js';
import { partyMsg } from './messages.js';

/** 双报到服务情况: the half-yearly report an employer unit receives, a row per member, the name and nothing else personal. */
export const CHECKIN_REPORT = defineLedger({
  key: 'party-checkin-report',
  sheet: '双报到服务情况',
  title: partyMsg.checkinReportTitle,
  columns: [
    { key: 'name', header: '姓名', type: 'text', width: 12 },
    { key: 'kind', header: '类别', type: 'enum', width: 12, options: zhOptions(PARTY_CHECKIN_KIND_LABELS) },
    { key: 'community', header: '报到社区', type: 'text', width: 16 },
    { key: 'state', header: '报到状态', type: 'enum', width: 10, options: zhOptions(PARTY_CHECKIN_LABELS.states) },
    { key: 'hours', header: '服务时长(小时)', type: 'number', width: 14 },
    { key: 'posts', header: '认领岗位', type: 'text', width: 24 },
    { key: 'ratings', header: '居民评价满意(次)', type: 'number', width: 16 },
  ],
});

/** The employer contact's report of a half year (or the one a month falls in), logged with its row count. */
export async function exportCheckinReport(ctx: AppContext, actor: Actor, of: string, reply: FastifyReply) {
  const view = await employerView(ctx, actor, { of });
  await appendEvent(ctx.handle.db, actor, { entityType: 'unit', entityId: view.unitId, placeId: actor.bindings.find((b) => b.role === 'partner_contact')!.placeId, action: 'export_checkin_report',
    to: { rows: view.members.length, of: view.of } });
  const rows: LedgerRecord<typeof CHECKIN_REPORT>[] = view.members.map((m) => ({ name: m.name, kind: m.kind, community: m.placeName, state: m.state,
    hours: m.hours, posts: m.posts.join('、'), ratings: m.ratings }));
  await exportLedger(reply, CHECKIN_REPORT, rows, { fileName: [view.unitName, CHECKIN_REPORT.title.zh, view.of], titleRows: [`${view.unitName} ${view.from} 至 ${view.to}`] });
}
