import type { Actor } from '../../../core/access/actor.js';
import type { AppContext } from '../../../core/context.js';
import { conflict, forbidden, invalid } from '../../../core/errors.js';
import { findVisibleWorkOrder, isWorkOrderAssignee } from '../../work-orders/index.js';
import { MAX_PHOTOS, savePhotos, tooMany, uploadRoot, withPhotoFiles, type CheckedPhoto } from '../storage.js';

/** The taker adds photos of the work done while resolving it (before or right after the resolve step). */
export async function addResolvePhotos(ctx: AppContext, actor: Actor, orderId: string, photos: CheckedPhoto[]) {
  const { db } = ctx.handle;
  const order = (await findVisibleWorkOrder(ctx, actor, orderId)).row;
  if (!isWorkOrderAssignee(actor, order)) throw forbidden();
  if (order.state !== 'taken' && order.state !== 'resolved') {
    throw conflict('state', `当前状态(${order.state})不能上传办结照片`, `Cannot add resolution photos to an order that is ${order.state}`, 'illegal_transition');
  }
  if (photos.length === 0) throw tooFew();
  const { n } = await db.selectFrom('work_order_photos').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('work_order_id', '=', order.id).where('stage', '=', 'resolve').executeTakeFirstOrThrow();
  // Six for each round of handling: a reopened order needs fresh evidence.
  if (Number(n) + photos.length > MAX_PHOTOS * (order.reopen_count + 1)) throw tooMany();
  const items = await withPhotoFiles((written) => db.transaction().execute((trx) =>
    savePhotos(trx, uploadRoot(ctx.config), order, 'resolve', photos, actor, written)));
  return { items };
}

const tooFew = () => invalid('photos', '请至少上传一张照片', 'Add at least one photo', 'photos_required');
