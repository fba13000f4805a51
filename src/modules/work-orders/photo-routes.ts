import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../core/errors.js';
import { requireActor } from '../../core/http.js';
import type { Caller } from '../../core/lifecycle/types.js';
import { ZId } from '../../core/validation.js';
import { checkPhotos, findAttachment, readUpload, sendAttachment, uploadRoot } from '../attachments/index.js';
import { parseForm } from '../../core/validation.js';
import { addResolvePhotos } from './commands/add-resolve-photos.js';
import { filePatrolReport } from './commands/file-patrol-report.js';
import { ZPatrolReport } from './schema.js';
import { findVisibleWorkOrder } from './detail.js';

const tags = ['work-orders'];

/** The taker adds photos of the work done while resolving it; a grid worker files a patrol report with photos. */
export const photoUploadRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/work-orders/patrol', {
    schema: { tags, summary: 'A grid worker files a patrol report with up to 6 photos (multipart: fields and files `photos`), or one handled on the spot: filed, taken and resolved at once', consumes: ['multipart/form-data'] },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const { fields, files } = await readUpload(req);
    const input = parseForm(ZPatrolReport, fields);
    return reply.status(201).send(await filePatrolReport(app.ctx, actor, input, checkPhotos(files)));
  });

  app.post('/work-orders/:id/photos', {
    schema: { tags, summary: 'The taker adds up to 6 photos of the work done (multipart, files `photos`)', params: z.object({ id: ZId }), consumes: ['multipart/form-data'] },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const { files } = await readUpload(req);
    return reply.status(201).send(await addResolvePhotos(app.ctx, actor, req.params.id, checkPhotos(files)));
  });
};

/**
 * One photo of an order, to whoever may see the order: staff in scope, or the resident who filed it. Who the caller is
 * comes from the installer (resident-h5, which owns the resident identity: this module cannot import it, since the
 * resident pages file and rate through work orders).
 */
export function photoRoutes(opts: { caller: (req: FastifyRequest) => Promise<Caller | null> }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/work-orders/:id/photos/:photoId', { schema: { tags, summary: 'One photo of an order', params: z.object({ id: ZId, photoId: ZId }) } }, async (req, reply) => {
      const caller = await opts.caller(req);
      if (!caller) throw notFound('photo');
      const order = await findVisibleWorkOrder(app.ctx, caller, req.params.id).catch(() => { throw notFound('photo'); });
      const photo = await findAttachment(app.ctx.handle.db, 'work_order', order.id, req.params.photoId);
      return sendAttachment(reply, uploadRoot(app.ctx.config), photo, 'photo');
    });
  };
}
