import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../core/http.js';
import { ZId } from '../../core/validation.js';
import { workbench } from './workbench.js';

export const workbenchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/workbench', {
    schema: { tags: ['workbench'], summary: 'A staff user’s landing: what waits on me, overdue and due soon, today’s intake, this month’s three rates', querystring: z.object({ placeId: ZId.optional() }) },
  }, async (req) => workbench(app.ctx, requireActor(req), req.query.placeId));
};
