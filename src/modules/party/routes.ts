import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../core/errors.js';
import { requireActor } from '../../core/http.js';
import { availableActions } from '../../core/lifecycle/engine.js';
import { lifecycleRoutes } from '../../core/lifecycle/routes.js';
import { ZId, ZPage } from '../../core/validation.js';
import { PARTY_ORG_STATES, ZCreatePartyOrg } from '../../../contracts/party.js';
import { partyOrgLifecycle as def, loadPartyOrg, toPartyOrg } from './lifecycle.js';
import { createPartyOrg, listPartyOrgs, partyOrgGaps } from './orgs.js';

const tags = ['party'];

/** 党组织: set up, the tree, one org, edit and dissolve (the state table), the gaps of a subtree. */
export const partyOrgRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/party-orgs', { schema: { tags, summary: 'Set up a party org at a place', body: ZCreatePartyOrg } }, async (req, reply) =>
    reply.status(201).send(await createPartyOrg(app.ctx, requireActor(req), req.body)));

  app.get('/party-orgs', {
    schema: { tags, summary: 'The party-org tree I may see, each org with its parent', querystring: ZPage(500, 2000).extend({ placeId: ZId.optional(), state: z.enum(PARTY_ORG_STATES).optional() }) },
  }, async (req) => listPartyOrgs(app.ctx, requireActor(req), req.query));

  app.get('/party-orgs/gaps', {
    schema: { tags, summary: 'Compounds without a branch and buildings without a group in a place', querystring: ZPage(100, 500).extend({ placeId: ZId }) },
  }, async (req) => partyOrgGaps(app.ctx, requireActor(req), req.query));

  app.get('/party-orgs/:id', { schema: { tags, params: z.object({ id: ZId }) } }, async (req) => {
    const actor = requireActor(req);
    const record = await loadPartyOrg(app.ctx.handle.db, req.params.id);
    if (!record || !def.visible(actor, record)) throw notFound('party org');
    const place = await app.ctx.handle.db.selectFrom('places').select('name').where('id', '=', record.placeId).executeTakeFirstOrThrow();
    return { ...toPartyOrg(record.row), placeName: place.name, actions: availableActions(def, actor, record) };
  });

  await app.register(lifecycleRoutes(def, { base: '/party-orgs', tags, caller: requireActor }));
};
