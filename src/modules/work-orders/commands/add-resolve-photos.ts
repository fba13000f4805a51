import type { Actor } from '../../../core/access/actor.js';
import type { AppContext } from '../../../core/context.js';
import { conflict, forbidden, invalid } from '../../../core/errors.js';
import { countAttachments, MAX_PHOTOS, saveAttachments, tooMany, uploadRoot, withAttachmentFiles, type CheckedPhoto } from '../../attachments/index.js';
import { findVisibleWorkOrder } from '../detail.js';
import { lockWorkOrder, orderAttachmentOwner, type WorkOrderRow } from '../queries.js';
import { isAssignee } from '../relations.js';
import { msg } from '../../../core/i18n.js';
import { workOrderMsg } from '../messages.js';

/** Only the taker adds them, while the order is taken or just resolved. */
function checkMayAdd(actor: Actor, order: WorkOrderRow) {
  if (!isAssignee(actor, order)) throw forbidden();
  if (order.state !== 'taken' && order.state !== 'resolved') {
    throw conflict('state', msg(workOrderMsg.noPhotosInState, { state: order.state }), 'illegal_transition');
  }
}

/** Six for each round of handling: a reopened order needs fresh evidence. */
const room = (order: WorkOrderRow, stored: number) => MAX_PHOTOS * (order.reopen_count + 1) - stored;

/**
 * The taker adds photos of the work done while resolving it (before or right after the resolve step). The cap is
 * checked inside the transaction, on the order row locked against parallel uploads, so ten at once leave six.
 */
export async function addResolvePhotos(ctx: AppContext, actor: Actor, orderId: string, photos: CheckedPhoto[]) {
  const { db } = ctx.handle;
  const order = (await findVisibleWorkOrder(ctx, actor, orderId)).row;
  checkMayAdd(actor, order);
  if (photos.length === 0) throw tooFew();
  const items = await withAttachmentFiles((staged) => db.transaction().execute(async (trx) => {
    const locked = await lockWorkOrder(trx, order.id);
    checkMayAdd(actor, locked);
    if (photos.length > room(locked, await countAttachments(trx, 'work_order', order.id, 'resolve'))) throw tooMany();
    return saveAttachments(trx, uploadRoot(ctx.config), orderAttachmentOwner(locked), 'resolve', photos, actor, staged);
  }));
  return { items };
}

const tooFew = () => invalid('photos', workOrderMsg.photosRequired, 'photos_required');
