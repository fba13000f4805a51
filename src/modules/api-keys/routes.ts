import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize, bindingsAllowed } from '../../core/access/policy.js';
import { inSubtrees } from '../../core/access/scope.js';
import { notFound } from '../../core/errors.js';
import { requireActor } from '../../core/http.js';
import { ZId, ZReason } from '../../core/validation.js';
import { findPlace, findPlaces } from '../places/index.js';
import { apiKeyPolicy, toApiKey } from './api-keys.js';
import { issueApiKey } from './commands/issue-api-key.js';
import { revokeApiKey } from './commands/revoke-api-key.js';

const tags = ['api-keys'];

export const ZIssueApiKey = z.object({
  name: z.string().trim().min(1).max(50),
  /** The office the key files for; default: the caller's own street or district. */
  placeId: ZId.optional(),
});

/** Keys for the 12345 platform's push and for Open311 clients: issued, listed and revoked by street and district staff. */
export const apiKeyRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.ctx.handle.db;

  app.post('/api-keys', { schema: { tags, summary: 'Issue an API key (the key is shown once)', body: ZIssueApiKey } }, async (req, reply) =>
    reply.status(201).send(await issueApiKey(app.ctx, requireActor(req), req.body)),
  );

  app.get('/api-keys', { schema: { tags, summary: 'Keys issued in your area', querystring: z.object({ placeId: ZId.optional() }) } }, async (req) => {
    const actor = requireActor(req);
    let roots: string[];
    if (req.query.placeId) {
      const place = await findPlace(db(), req.query.placeId);
      if (!place) throw notFound('place');
      authorize(actor, apiKeyPolicy, 'list', place.path, {}, 'place');
      roots = [place.path];
    } else {
      roots = bindingsAllowed(actor, apiKeyPolicy, 'list').map((b) => b.placePath);
    }
    const rows = await db().selectFrom('api_keys').selectAll()
      .where((eb) => inSubtrees(eb, 'api_keys.place_path', roots))
      .orderBy('api_keys.created_at', 'desc').execute();
    const names = new Map((await findPlaces(db(), rows.map((k) => k.place_id))).map((p) => [p.id, p.name]));
    return { items: rows.map((k) => toApiKey({ ...k, place_name: names.get(k.place_id) ?? null })) };
  });

  app.post('/api-keys/:id/revoke', {
    schema: { tags, summary: 'Revoke an API key', params: z.object({ id: ZId }), body: z.object({ reason: ZReason.optional() }).optional() },
  }, async (req) => revokeApiKey(app.ctx, requireActor(req), req.params.id, req.body?.reason));
};
