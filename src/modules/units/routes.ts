import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../core/http.js';
import { UNIT_KINDS } from '../../../contracts/units.js';
import { listVisibleUnits, toUnit } from './queries.js';

export const unitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/units', { schema: { tags: ['catalogue'], summary: 'The departments and partner units the caller sees (within=true: only those inside their subtree, which an account may be linked to)',
    querystring: z.object({ kind: z.enum(UNIT_KINDS).optional(), within: z.enum(['true', 'false']).optional() }) } }, async (req) => {
    const actor = requireActor(req);
    return { items: (await listVisibleUnits(app.ctx.handle.db, actor, req.query.kind, req.query.within === 'true')).map(toUnit) };
  });
};
