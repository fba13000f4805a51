import type { FastifyReply } from 'fastify';
import type { Actor } from '../../core/access/actor.js';
import { authorize } from '../../core/access/policy.js';
import type { AppContext } from '../../core/context.js';
import { appendEvent } from '../../core/events.js';
import { defineLedger, exportLedger, zhOptions, type LedgerRecord } from '../../core/ledger/index.js';
import { maskedColumn as masked } from '../../core/personal-data.js';
import { PARTY_MEMBER_CATEGORY_LABELS } from '../../../contracts/party.js';
import type { TRankingQuery } from '../../../contracts/party-points.js';
import { partyMsg } from './messages.js';
import { partyPointsPolicy } from './points-policy.js';
import { ranking } from './points-read.js';
import { visibleCommunity } from './points-rules.js';

/** 党员积分排名: the ranking of a community and period, phone masked. */
export const POINTS_RANKING = defineLedger({
  key: 'party-points-ranking',
  sheet: '党员积分排名',
  title: partyMsg.pointsRankingTitle,
  columns: [
    { key: 'rank', header: '名次', type: 'number', width: 8 },
    { key: 'name', header: '姓名', type: 'text', width: 12 },
    { key: 'category', header: '党员类别', type: 'enum', width: 12, options: zhOptions(PARTY_MEMBER_CATEGORY_LABELS) },
    { key: 'org', header: '所属党组织', type: 'text', width: 24 },
    { key: 'phone', header: '手机号', type: 'text', width: 16, mask: masked('phone') },
    { key: 'points', header: '积分', type: 'number', width: 10 },
  ],
});

/** Every ranked member of the period (an office's export, logged with its row count), as the ranking page shows them. */
export async function exportRanking(ctx: AppContext, actor: Actor, q: TRankingQuery, reply: FastifyReply) {
  const place = await visibleCommunity(ctx, actor, q.placeId, 'read');
  authorize(actor, partyPointsPolicy, 'export', place.path, {}, 'place');
  const r = await ranking(ctx, actor, { ...q, limit: 1_000_000, offset: 0 });
  await appendEvent(ctx.handle.db, actor, { entityType: 'place', entityId: place.id, placeId: place.id, action: 'export_party_points',
    to: { rows: r.items.length, from: r.from, to: r.to } });
  const rows: LedgerRecord<typeof POINTS_RANKING>[] = r.items.map((i) => ({ rank: i.rank, name: i.name, category: i.category, org: i.orgName, phone: i.phoneMasked, points: i.points }));
  await exportLedger(reply, POINTS_RANKING, rows, { fileName: [place.name, POINTS_RANKING.title.zh, r.from === r.to ? r.from : `${r.from}至${r.to}`],
    titleRows: [`${place.name} ${r.from}${r.from === r.to ? '' : ` 至 ${r.to}`}`] });
}
