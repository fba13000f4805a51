import type { FastifyReply } from 'fastify';
import type { Actor } from '../../core/access/actor.js';
import type { AppContext } from '../../core/context.js';
import { appendEvent } from '../../core/events.js';
import { defineLedger, exportLedger, type LedgerRecord } from '../../core/ledger/index.js';
import { AGREEMENT_STATE_LABELS } from '../../../contracts/units.js';
import { CHAIR_LABELS } from '../../../contracts/rotating-chair.js';
import { unitEvaluation } from './evaluation.js';
import { chairMsg } from './messages.js';

/** 共建单位年度考评: one row per item of the evaluation (the unit's agreement, its services, meetings and chair months). */
export const UNIT_EVALUATION = defineLedger({
  key: 'unit-evaluation',
  sheet: '年度考评',
  title: chairMsg.sheetTitle,
  columns: [
    { key: 'section', header: '考评项目', type: 'text', width: 16 },
    { key: 'item', header: '内容', type: 'text', width: 40 },
    { key: 'value', header: '数值', type: 'text', width: 16 },
  ],
});

/** The unit's evaluation sheet for a year, as its page shows it; the export is logged on the unit. */
export async function exportEvaluation(ctx: AppContext, actor: Actor, unitId: string, year: number | undefined, reply: FastifyReply) {
  const e = await unitEvaluation(ctx, actor, unitId, year);
  const rows: LedgerRecord<typeof UNIT_EVALUATION>[] = [
    { section: '共建协议', item: e.agreement.termStart ? `${e.agreement.termStart} 至 ${e.agreement.termEnd}` : '未签订', value: AGREEMENT_STATE_LABELS[e.agreement.state].zh },
    { section: '发布资源', item: e.resources.map((r) => r.title).join('、') || '无', value: `${e.resources.length} 项` },
    { section: '承接需求', item: '接单 / 完成 / 评价', value: `${e.needsTaken} / ${e.needsDelivered} / ${e.needsRated}` },
    { section: '需求评价', item: '群众评单平均星级', value: e.needRating === null ? '暂无' : `${e.needRating} 星` },
    { section: '联席会议', item: '受邀 / 签到出席', value: `${e.meetingsInvited} / ${e.meetingsAttended}` },
    ...e.meetings.map((m) => ({ section: '', item: `${m.plannedAt.slice(0, 10)} ${m.title}`, value: m.attended ? '出席' : '缺席' })),
    { section: '会议交办', item: '交办 / 完成', value: `${e.tasks.length} / ${e.tasksDone}` },
    { section: '轮值主席', item: '轮值月份 / 平均评议', value: `${e.chairMonths.length} / ${e.chairRating ?? '暂无'}` },
    ...e.chairMonths.map((m) => ({ section: '', item: `${m.month} ${CHAIR_LABELS.states[m.state].zh}`, value: m.rating === null ? '暂无评议' : `${m.rating} 星(${m.ratings}人次)` })),
  ];
  await appendEvent(ctx.handle.db, actor, { entityType: 'unit', entityId: e.unit.id, placeId: e.unit.placeId, action: 'export_evaluation', to: { year: e.year } });
  await exportLedger(reply, UNIT_EVALUATION, rows, { fileName: [e.unit.name, `${e.year}年度考评`], titleRows: [`${e.unit.name} ${e.year}年度共建考评`] });
}
