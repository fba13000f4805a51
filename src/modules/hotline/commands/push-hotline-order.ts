import { isWithin } from '../../../core/access/scope.js';
import type { AppContext } from '../../../core/context.js';
import { AppError, notFound } from '../../../core/errors.js';
import { apiKeyActor, type ApiKeyRow } from '../../api-keys/index.js';
import { fileDemand, findWorkOrderByExternalNo, toWorkOrder, type TWorkOrder } from '../../work-orders/index.js';
import type { THotlineOrder } from '../schema.js';
import { createHotlineLookup, toFileDemand } from '../to-demand.js';

export const findByExternalNo = findWorkOrderByExternalNo;

/**
 * Files one order pushed by the 12345 platform, inside the key's subtree. The platform retries, so the same order
 * number again answers the order already filed and writes nothing.
 */
export async function pushHotlineOrder(ctx: AppContext, key: ApiKeyRow, order: THotlineOrder): Promise<{ duplicate: boolean; order: TWorkOrder }> {
  const { db } = ctx.handle;
  const existing = async () => {
    const row = await findByExternalNo(db, order.externalNo);
    if (row && !isWithin(row.place_path, key.place_path)) throw notFound('work order');
    return row && { duplicate: true, order: toWorkOrder(row) };
  };
  const before = await existing();
  if (before) return before;
  const prepared = await toFileDemand(await createHotlineLookup(db, [key.place_path], ctx.config), order);
  if ('problem' in prepared) {
    const p = prepared.problem;
    if (p.miss === 'not_found') throw notFound('place');
    throw new AppError(422, p.code, p.message, p.field);
  }
  try {
    return { duplicate: false, order: await fileDemand(ctx, { system: apiKeyActor(key) }, prepared.input) };
  } catch (error) {
    // Two pushes of one number at once: the unique order number lets one in; the other answers it.
    const raced = await existing();
    if (raced) return raced;
    throw error;
  }
}
