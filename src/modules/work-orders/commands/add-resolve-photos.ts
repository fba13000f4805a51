import type { Actor } from '../../../core/access/actor.js';
import type { AppContext } from '../../../core/context.js';
import { conflict, forbidden, invalid } from '../../../core/errors.js';
import { countAttachments, MAX_PHOTOS, saveAttachments, tooMany, uploadRoot, withAttachmentFiles, type CheckedPhoto } from '../../attachments/index.js';
import { findVisibleWorkOrder } from '../detail.js';
import { orderAttachmentOwner } from '../queries.js';
import { isAssignee } from '../relations.js';
import { msg } from '../../../core/i18n.js';
import { workOrderMsg } from '../messages.js';

/** The taker adds photos of the work done while resolving it (before or right after the resolve step). */
export async function addResolvePhotos(ctx: AppContext, actor: Actor, orderId: string, photos: CheckedPhoto[]) {
  const { db } = ctx.handle;
  const order = (await findVisibleWorkOrder(ctx, actor, orderId)).row;
  if (!isAssignee(actor, order)) throw forbidden();
  if (order.state !== 'taken' && order.state !== 'resolved') {
    throw conflict('state', msg(workOrderMsg.noPhotosInState, { state: order.state }), 'illegal_transition');
  }
  if (photos.length === 0) throw tooFew();
  const n = await countAttachments(db, 'work_order', order.id, 'resolve');
  // Six for each round of handling: a reopened order needs fresh evidence.
  if (n + photos.length > MAX_PHOTOS * (order.reopen_count + 1)) throw tooMany();
  const items = await withAttachmentFiles((written) => db.transaction().execute((trx) =>
    saveAttachments(trx, uploadRoot(ctx.config), orderAttachmentOwner(order), 'resolve', photos, actor, written)));
  return { items };
}

const tooFew = () => invalid('photos', workOrderMsg.photosRequired, 'photos_required');
