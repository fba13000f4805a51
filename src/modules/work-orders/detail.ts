import type { AppContext } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import type { Caller } from '../../core/lifecycle/types.js';
import { workOrderLifecycle as def } from './lifecycle.js';
import { placeChains } from './names.js';
import { orderPhotos, toWorkOrder } from './queries.js';
import { loadWorkOrderRecord, toRecord, type WorkOrderRecord } from './record.js';

/** The order if the caller may see it; otherwise it does not exist for them (404). */
export async function findVisibleWorkOrder(ctx: AppContext, caller: Caller, id: string): Promise<WorkOrderRecord> {
  const record = await loadWorkOrderRecord(ctx.handle.db, id);
  if (!record || !def.visible(caller, record)) throw notFound('work order');
  return record;
}

/** What the detail page shows beside the order: units called in, extension requests, photos, the duplicates merged into it. */
export async function workOrderDetail(ctx: AppContext, caller: Caller, record: WorkOrderRecord) {
  const db = ctx.handle.db;
  const id = record.id;
  // The order, its called-in units, extension requests and people came in one statement (record.ts); three more here.
  const [chains, photos, duplicates] = await Promise.all([
    placeChains(db, caller, [record.row.place_path]),
    orderPhotos(db, id),
    // The duplicates merged into this order that the caller may open: number and title, nothing personal (index work_orders_merged_into).
    db.selectFrom('work_orders').selectAll().where('merged_into', '=', id).where('state', '=', 'merged').orderBy('received_at').orderBy('id').execute(),
  ]);
  return {
    order: { ...toWorkOrder(record.row), places: chains.get(record.row.place_path) ?? [] }, units: record.units, extensions: record.extensions, photos,
    duplicates: duplicates.filter((r) => def.visible(caller, toRecord(r))).map((r) => ({ id: r.id, trackingNo: r.tracking_no, title: r.title })),
  };
}
