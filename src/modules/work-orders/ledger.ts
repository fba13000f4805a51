import type { FastifyReply } from 'fastify';
import type { Actor } from '../../core/access/actor.js';
import { can } from '../../core/access/policy.js';
import type { AppContext } from '../../core/context.js';
import { forbidden } from '../../core/errors.js';
import { defineLedger, exportLedger, zhOptions, type LedgerRecord } from '../../core/ledger/index.js';
import { CHANNELS, DEMAND_TYPES, RATINGS, STATES, WORK_ORDER_VALUE_LABELS as V } from '../../../contracts/work-orders.js';
import { WORK_ORDER_LABELS as L } from '../../../contracts/work-order-steps.js';
import { findCategories } from '../demand-categories/index.js';
import { findPlace } from '../places/index.js';
import { filterWorkOrders, type WorkOrderQueryFilter } from './commands/filter-work-orders.js';
import { workOrderMsg } from './messages.js';
import { workOrderExportPolicy } from './policy.js';
import { peopleColumns, placeChains } from './names.js';
import { toWorkOrder } from './queries.js';

/**
 * The work-order ledger (工单台账): the list as filtered, one row per order, personal data masked (the phone as the list
 * shows it, a confidential reporter as 保密, phone and ID numbers typed into the text masked too).
 */
export const WORK_ORDERS_LEDGER = defineLedger({
  key: 'work-orders',
  sheet: '工单台账',
  title: workOrderMsg.ledgerTitle,
  columns: [
    { key: 'trackingNo', header: '工单号', type: 'text', width: 22 },
    { key: 'externalNo', header: '12345工单号', type: 'text', width: 18 },
    { key: 'receivedAt', header: '接收时间', type: 'datetime', width: 20 },
    { key: 'channel', header: '渠道', type: 'enum', width: 12, options: zhOptions(V.channels, CHANNELS) },
    { key: 'demandType', header: '诉求类型', type: 'enum', width: 10, options: zhOptions(V.demandTypes, DEMAND_TYPES) },
    { key: 'category', header: '分类', type: 'text', width: 16 },
    { key: 'community', header: '社区', type: 'text', width: 16 },
    { key: 'place', header: '地点', type: 'text', width: 36 },
    { key: 'title', header: '标题', type: 'text', width: 30 },
    { key: 'description', header: '问题描述', type: 'text', width: 50 },
    { key: 'reporterName', header: '反映人', type: 'text', width: 12 },
    { key: 'reporterPhone', header: '联系电话', type: 'text', width: 16 },
    { key: 'state', header: '状态', type: 'enum', width: 10, options: zhOptions(L.states, STATES) },
    { key: 'holder', header: '当前承办', type: 'text', width: 20 },
    { key: 'dispatcher', header: '派单人', type: 'text', width: 14 },
    { key: 'resolveDue', header: '办结时限', type: 'datetime', width: 20 },
    { key: 'resolvedAt', header: '办结时间', type: 'datetime', width: 20 },
    { key: 'result', header: '办理结果', type: 'text', width: 40 },
    { key: 'rating', header: '评价', type: 'enum', width: 10, options: zhOptions(V.ratings, RATINGS) },
  ],
});

/** Orders read per batch: one statement for the rows (with holder and dispatcher names), one for their places. */
const BATCH = 500;

/**
 * The ledger of the orders the list shows for these filters (what the caller may read, in their area: a place outside
 * it is 404), for the offices (403 otherwise), newest first, streamed.
 */
export async function exportWorkOrders(ctx: AppContext, actor: Actor, f: WorkOrderQueryFilter, reply: FastifyReply): Promise<FastifyReply> {
  // The list's own filters answer 404 for a place outside the caller's area; the place is read again only for its name.
  const { q } = await filterWorkOrders(ctx, actor, { ...f, mine: 'false' });
  const place = f.placeId ? await findPlace(ctx.handle.db, f.placeId) : undefined;
  if (!actor.bindings.some((b) => can(actor, workOrderExportPolicy, 'export', b.placePath, {}))) throw forbidden();
  const period = [f.receivedFrom, f.receivedTo].filter(Boolean).join('至');
  await exportLedger(reply, WORK_ORDERS_LEDGER, ledgerRows(ctx, actor, q), { fileName: [place?.name ?? '', WORK_ORDERS_LEDGER.title.zh, period] });
  return reply;
}

type Filtered = Awaited<ReturnType<typeof filterWorkOrders>>['q'];

async function* ledgerRows(ctx: AppContext, actor: Actor, q: Filtered): AsyncIterable<LedgerRecord<typeof WORK_ORDERS_LEDGER>> {
  const db = ctx.handle.db;
  for (let offset = 0; ; offset += BATCH) {
    const rows = await q.selectAll('work_orders').select(peopleColumns(db)).orderBy('received_at', 'desc').orderBy('id', 'desc')
      .limit(BATCH).offset(offset).execute();
    const [chains, categories] = await Promise.all([
      placeChains(db, actor, rows.map((r) => r.place_path)),
      findCategories(db, rows.map((r) => r.category_id)).then((cs) => new Map(cs.map((c) => [c.id, c.name]))),
    ]);
    for (const row of rows) {
      const o = toWorkOrder(row);
      const places = chains.get(row.place_path) ?? [];
      yield {
        trackingNo: o.trackingNo, externalNo: o.externalNo, receivedAt: o.receivedAt, channel: o.channel, demandType: o.demandType,
        category: categories.get(o.categoryId), community: places.find((p) => p.level === 'community')?.name,
        place: places.filter((p) => p.level !== 'street').map((p) => p.name).join(' › '),
        title: o.title, description: o.description,
        reporterName: o.confidential ? '保密' : o.reporterName, reporterPhone: o.confidential ? '保密' : o.reporterPhoneMasked,
        state: o.state, holder: o.assignee?.name, dispatcher: o.dispatcherName, resolveDue: o.resolveDue, resolvedAt: o.resolvedAt,
        result: o.result, rating: o.rating,
      };
    }
    if (rows.length < BATCH) return;
  }
}
