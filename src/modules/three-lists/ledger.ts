import type { FastifyReply } from 'fastify';
import type { Actor } from '../../core/access/actor.js';
import { allowedWhere, authorize } from '../../core/access/policy.js';
import { inSubtrees } from '../../core/access/scope.js';
import type { AppContext } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { defineLedger, exportLedger, zhOptions, type Ledger, type LedgerRecord } from '../../core/ledger/index.js';
import { currentMonth } from '../../../contracts/months.js';
import {
  NEED_CHANNEL_LABELS, NEED_LABELS, NEED_URGENCY_LABELS, RESOURCE_LABELS, THREE_LIST_CATEGORY_LABELS,
} from '../../../contracts/three-lists.js';
import { memberNames } from '../party/index.js';
import { findPlace } from '../places/index.js';
import { needPolicy, needReadPolicy, resourcePolicy, resourceReadPolicy, toResource } from './lifecycle.js';
import { threeListsMsg } from './messages.js';

/**
 * 需求清单: one row per need of a place's subtree, newest first. A need keeps no personal data of whoever reported it
 * (a resident is known by the blind index of their phone only), so nothing here needs a mask.
 */
export const NEEDS_LEDGER = defineLedger({
  key: 'needs',
  sheet: '需求清单',
  title: threeListsMsg.ledgerNeeds,
  columns: [
    { key: 'title', header: '需求', type: 'text', width: 28 },
    { key: 'category', header: '类别', type: 'enum', width: 12, options: zhOptions(THREE_LIST_CATEGORY_LABELS) },
    { key: 'urgency', header: '紧急程度', type: 'enum', width: 10, options: zhOptions(NEED_URGENCY_LABELS) },
    { key: 'place', header: '地点', type: 'text', width: 20 },
    { key: 'beneficiary', header: '受益人', type: 'text', width: 14 },
    { key: 'channel', header: '来源', type: 'enum', width: 14, options: zhOptions(NEED_CHANNEL_LABELS) },
    { key: 'state', header: '状态', type: 'enum', width: 10, options: zhOptions(NEED_LABELS.states) },
    { key: 'taker', header: '承接单位或党员', type: 'text', width: 22 },
    { key: 'resource', header: '使用资源', type: 'text', width: 20 },
    { key: 'reportedAt', header: '提出时间', type: 'datetime', width: 18 },
    { key: 'dispatchedAt', header: '派单时间', type: 'datetime', width: 18 },
    { key: 'deliveredAt', header: '服务完成时间', type: 'datetime', width: 18 },
    { key: 'deliveryNote', header: '服务记录', type: 'text', width: 30 },
    { key: 'rating', header: '评分', type: 'number', width: 8 },
    { key: 'ratingComment', header: '评价意见', type: 'text', width: 24 },
  ],
});

/** 资源清单: one row per resource serving a place's subtree, with this month's remaining capacity. */
export const RESOURCES_LEDGER = defineLedger({
  key: 'resources',
  sheet: '资源清单',
  title: threeListsMsg.ledgerResources,
  columns: [
    { key: 'title', header: '资源', type: 'text', width: 24 },
    { key: 'unit', header: '提供单位', type: 'text', width: 22 },
    { key: 'category', header: '类别', type: 'enum', width: 12, options: zhOptions(THREE_LIST_CATEGORY_LABELS) },
    { key: 'description', header: '说明', type: 'text', width: 30 },
    { key: 'capacity', header: '每月可服务次数', type: 'number', width: 14 },
    { key: 'remaining', header: '本月剩余', type: 'number', width: 10 },
    { key: 'schedule', header: '服务时间', type: 'text', width: 22 },
    { key: 'conditions', header: '服务条件', type: 'text', width: 30 },
    { key: 'area', header: '服务范围', type: 'text', width: 18 },
    { key: 'state', header: '状态', type: 'enum', width: 10, options: zhOptions(RESOURCE_LABELS.states) },
    { key: 'createdAt', header: '提交时间', type: 'datetime', width: 18 },
  ],
});

const BATCH = 500;

/** Rows a page at a time (`page(offset)`), each page turned into ledger records by `each`, until a page comes back short. */
async function* inBatches<R, T>(page: (offset: number) => Promise<R[]>, each: (rows: R[]) => Promise<T[]>): AsyncIterable<T> {
  for (let offset = 0; ; offset += BATCH) {
    const rows = await page(offset);
    yield* await each(rows);
    if (rows.length < BATCH) return;
  }
}

/** A ledger of a place in the caller's subtree (else 404), for an office over it (else 403), named after the place. */
async function exportOfPlace<L extends Ledger>(ctx: AppContext, actor: Actor, placeId: string, reply: FastifyReply, ledger: L,
  policy: typeof needPolicy | typeof resourcePolicy, rows: (path: string) => AsyncIterable<LedgerRecord<L>>): Promise<FastifyReply> {
  const place = await findPlace(ctx.handle.db, placeId);
  if (!place) throw notFound('place');
  authorize(actor, policy, 'export', place.path, {}, 'place');
  await exportLedger(reply, ledger, rows(place.path), { fileName: [place.name, ledger.title.zh] });
  return reply;
}

export const exportNeeds = (ctx: AppContext, actor: Actor, placeId: string, reply: FastifyReply) =>
  exportOfPlace(ctx, actor, placeId, reply, NEEDS_LEDGER, needPolicy, (path) => inBatches(
    (offset) => ctx.handle.db.selectFrom('needs').innerJoin('places as p', 'p.id', 'needs.place_id')
      .leftJoin('units as u', 'u.id', 'needs.unit_id').leftJoin('resources as r', 'r.id', 'needs.resource_id')
      .selectAll('needs').select(['p.name as place_name', 'u.name as unit_name', 'r.title as resource_title'])
      .where((eb) => inSubtrees(eb, 'needs.place_path', [path])).where((eb) => allowedWhere(eb, actor, needReadPolicy, 'read', 'needs.place_path'))
      .orderBy('needs.created_at', 'desc').orderBy('needs.id', 'desc').limit(BATCH).offset(offset).execute(),
    async (rows): Promise<LedgerRecord<typeof NEEDS_LEDGER>[]> => {
      const members = await memberNames(ctx.handle.db, rows.flatMap((r) => (r.member_id ? [r.member_id] : [])));
      return rows.map((r) => ({
        title: r.title, category: r.category, urgency: r.urgency, place: r.place_name, beneficiary: r.beneficiary, channel: r.channel, state: r.state,
        taker: r.member_id ? `党员 ${members.get(r.member_id) ?? ''}` : r.unit_name, resource: r.resource_title,
        reportedAt: r.created_at, dispatchedAt: r.dispatched_at, deliveredAt: r.delivered_at, deliveryNote: r.delivery_note, rating: r.rating, ratingComment: r.rating_comment,
      }));
    }));

export const exportResources = (ctx: AppContext, actor: Actor, placeId: string, reply: FastifyReply) => {
  const month = currentMonth();
  return exportOfPlace(ctx, actor, placeId, reply, RESOURCES_LEDGER, resourcePolicy, (path) => inBatches(
    (offset) => ctx.handle.db.selectFrom('resources').innerJoin('units as u', 'u.id', 'resources.unit_id').innerJoin('places as p', 'p.id', 'resources.place_id')
      .selectAll('resources').select(['u.name as unit_name', 'p.name as place_name'])
      .where((eb) => inSubtrees(eb, 'resources.place_path', [path])).where((eb) => allowedWhere(eb, actor, resourceReadPolicy, 'read', 'resources.place_path'))
      .orderBy('resources.created_at', 'desc').orderBy('resources.id', 'desc').limit(BATCH).offset(offset).execute(),
    async (rows): Promise<LedgerRecord<typeof RESOURCES_LEDGER>[]> => rows.map((r) => ({
      title: r.title, unit: r.unit_name, category: r.category, description: r.description, capacity: r.capacity,
      remaining: toResource(r, month).remaining, schedule: r.schedule, conditions: r.conditions, area: r.place_name, state: r.state, createdAt: r.created_at,
    }))));
};
