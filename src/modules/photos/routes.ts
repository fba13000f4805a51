import fs from 'node:fs';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { requireActor } from '../../core/http.js';
import { ZId } from '../../core/validation.js';
import { currentResident, residentCaller } from '../resident-h5/sessions.js';
import { findVisibleWorkOrder, type WorkOrderRecord } from '../work-orders/index.js';
import { addResolvePhotos } from './commands/add-resolve-photos.js';
import { readUpload } from './read-upload.js';
import { checkPhotos, photoFile, uploadRoot } from './storage.js';

const tags = ['work-orders'];

/** The order for staff who can see it, or for the resident who filed it; otherwise 404. */
async function orderForPhotos(ctx: AppContext, req: FastifyRequest, id: string): Promise<WorkOrderRecord> {
  const resident = req.actor ? null : await currentResident(req);
  const caller = req.actor ?? (resident ? residentCaller(resident) : null);
  if (!caller) throw notFound('photo');
  return findVisibleWorkOrder(ctx, caller, id).catch(() => { throw notFound('photo'); });
}

/** Work-order photos: served only to those in scope, added by the taker when resolving. */
export const photoRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/work-orders/:id/photos/:photoId', { schema: { tags, summary: 'One photo of an order', params: z.object({ id: ZId, photoId: ZId }) } }, async (req, reply) => {
    const { db } = app.ctx.handle;
    const order = (await orderForPhotos(app.ctx, req, req.params.id)).row;
    const photo = await db.selectFrom('work_order_photos').selectAll().where('id', '=', req.params.photoId).where('work_order_id', '=', order.id).executeTakeFirst();
    const file = photo ? photoFile(uploadRoot(app.ctx.config), photo.file) : null;
    const stat = file ? await fs.promises.stat(file).catch(() => null) : null;
    if (!photo || !file || !stat?.isFile()) throw notFound('photo');
    return reply.type(photo.mime).header('content-length', stat.size).header('cache-control', 'private, max-age=86400')
      .header('content-disposition', 'inline').send(fs.createReadStream(file));
  });

  app.post('/work-orders/:id/photos', {
    schema: { tags, summary: 'The taker adds up to 6 photos of the work done (multipart, files `photos`)', params: z.object({ id: ZId }), consumes: ['multipart/form-data'] },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const { files } = await readUpload(req);
    return reply.status(201).send(await addResolvePhotos(app.ctx, actor, req.params.id, checkPhotos(files)));
  });
};
