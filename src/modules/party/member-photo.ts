import type { FastifyReply } from 'fastify';
import type { Actor } from '../../core/access/actor.js';
import type { AppContext } from '../../core/context.js';
import { invalid } from '../../core/errors.js';
import { firstAttachments, saveAttachments, sendAttachment, uploadRoot, withAttachmentFiles, type CheckedPhoto } from '../attachments/index.js';
import { visibleMember } from './member-account.js';
import { partyMsg } from './messages.js';

type Db = AppContext['handle']['db'];
const ENTITY = 'party_member';
const STAGE = 'photo';

/** Each member's photo for their card (亮身份): the latest uploaded, or none. One query for many members. */
export const memberPhotos = (db: Db, memberIds: string[]) => firstAttachments(db, ENTITY, memberIds, STAGE, 'latest');

/** A new photo for the member's card (the latest one shows), one image with its metadata stripped. */
export async function setMemberPhoto(ctx: AppContext, actor: Actor, id: string, upload: () => Promise<CheckedPhoto[]>) {
  const record = await visibleMember(ctx, actor, id);
  const photos = await upload();
  if (photos.length !== 1) throw invalid('photos', partyMsg.onePhoto);
  const owner = { entityType: ENTITY, entityId: record.id, placeId: record.placeId, placePath: record.placePath };
  // saveAttachments writes the add_photos event on the member, stage 'photo'.
  const [saved] = await withAttachmentFiles((staged) => ctx.handle.db.transaction().execute((trx) =>
    saveAttachments(trx, uploadRoot(ctx.config), owner, STAGE, photos, actor, staged)));
  return { photoId: saved!.id };
}

/** The member's current photo, for staff who may see them. */
export async function sendMemberPhoto(ctx: AppContext, actor: Actor, id: string, reply: FastifyReply) {
  const record = await visibleMember(ctx, actor, id, false);
  return sendAttachment(reply, uploadRoot(ctx.config), (await memberPhotos(ctx.handle.db, [record.id])).get(record.id), 'photo');
}
