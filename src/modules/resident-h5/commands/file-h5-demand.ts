import type { AppContext } from '../../../core/context.js';
import { saveAttachments, uploadRoot, withAttachmentFiles, type CheckedPhoto } from '../../attachments/index.js';
import { fileDemand, orderAttachmentOwner } from '../../work-orders/index.js';
import { residentPlace } from '../public-queries.js';
import type { TH5Demand } from '../schema.js';
import { residentCaller, type Resident } from '../sessions.js';

/** Files the resident's demand (channel h5, their phone from the session) with its checked photos, in one transaction. */
export async function fileH5Demand(ctx: AppContext, resident: Resident, input: TH5Demand, photos: CheckedPhoto[]) {
  await residentPlace(ctx, input.placeId);
  const caller = residentCaller(resident);
  const order = await withAttachmentFiles((written) => fileDemand(ctx, { system: caller }, { ...input, channel: 'h5', reporterPhone: ctx.cipher.decrypt(resident.phoneEnc) },
    async (trx, row) => void (await saveAttachments(trx, uploadRoot(ctx.config), orderAttachmentOwner(row), 'report', photos, caller, written))));
  return { id: order.id, trackingNo: order.trackingNo };
}
