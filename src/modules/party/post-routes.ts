import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../../core/access/policy.js';
import { invalid, notFound } from '../../core/errors.js';
import { requireActor } from '../../core/http.js';
import { availableActions } from '../../core/lifecycle/engine.js';
import { lifecycleRoutes } from '../../core/lifecycle/routes.js';
import { ZId, ZPage } from '../../core/validation.js';
import { ZCreatePartyPost, ZNominate } from '../../../contracts/party.js';
import { findPlace } from '../places/index.js';
import { requireResident, residentCaller } from '../resident-h5/index.js';
import { partyMsg } from './messages.js';
import { loadPartyPost, partyClaimLifecycle, partyPostLifecycle, toPartyClaim } from './post-lifecycle.js';
import { partyPostPolicy } from './post-policy.js';
import { buildingsLackingHead, createPartyPost, listPartyPosts, nominate, postDetail, visiblePost } from './posts.js';

const tags = ['party'];
const ZParams = z.object({ id: ZId });

/** 岗位与认领: publish a post, its list, nominate, the claim's steps, the buildings still lacking a head; a resident's recommendation. */
export const partyPostRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/party-posts', { schema: { tags, summary: 'Publish a post with N places', body: ZCreatePartyPost } }, async (req, reply) =>
    reply.status(201).send(await createPartyPost(app.ctx, requireActor(req), req.body)));

  app.get('/party-posts', { schema: { tags, summary: 'The posts I may see', querystring: ZPage(20, 100).extend({ placeId: ZId.optional() }) } }, async (req) =>
    listPartyPosts(app.ctx, requireActor(req), req.query));

  app.get('/party-posts/lacking-heads', {
    schema: { tags, summary: 'Buildings of a place without a member holding a building-head post', querystring: ZPage(100, 500).extend({ placeId: ZId }) },
  }, async (req) => buildingsLackingHead(app.ctx, requireActor(req), req.query));

  app.get('/party-posts/:id', { schema: { tags, params: ZParams } }, async (req) => {
    const actor = requireActor(req);
    return postDetail(app.ctx, actor, await visiblePost(app.ctx, actor, req.params.id));
  });

  app.post('/party-posts/:id/nominations', { schema: { tags, summary: 'Nominate a member (self-nomination)', params: ZParams, body: ZNominate } }, async (req, reply) => {
    const actor = requireActor(req);
    const post = await visiblePost(app.ctx, actor, req.params.id);
    authorize(actor, partyPostPolicy, 'nominate', post.placePath, {});
    const claim = await nominate(app.ctx, actor, post, req.body.memberId, null);
    return reply.status(201).send({ ...toPartyClaim(claim), actions: availableActions(partyClaimLifecycle, actor, { ...claim, placeId: claim.place_id, placePath: claim.place_path }) });
  });

  await app.register(lifecycleRoutes(partyPostLifecycle, { base: '/party-posts', tags, caller: requireActor }));
  await app.register(lifecycleRoutes(partyClaimLifecycle, { base: '/party-claims', tags, caller: requireActor }));
};

/** The resident's phone page: the open posts of the compound they chose, with its members to recommend, and the recommendation. */
export const partyPostH5Routes: FastifyPluginAsyncZod = async (app) => {
  const h5tags = ['resident-h5'];
  app.get('/h5/party-posts', {
    schema: { tags: h5tags, summary: 'The open posts of my compound and its members I may recommend', querystring: z.object({ placeId: ZId }), security: [] },
  }, async (req) => {
    await requireResident(req);
    const db = app.ctx.handle.db;
    const place = await findPlace(db, req.query.placeId);
    if (!place) throw notFound('place');
    if (place.level !== 'compound') throw invalid('placeId', partyMsg.levelCompound, 'place_level');
    const range = (eb: any, column: string) => eb.and([eb(column, '>=', place.path), eb(column, '<', place.path.slice(0, -1) + '0')]);
    const [posts, members] = await Promise.all([
      db.selectFrom('party_posts').innerJoin('places', 'places.id', 'party_posts.place_id')
        .select(['party_posts.id', 'party_posts.title', 'party_posts.duties', 'party_posts.places_total', 'party_posts.places_taken', 'places.name as place_name'])
        .where('party_posts.state', '=', 'open').where((eb) => range(eb, 'party_posts.place_path')).orderBy('party_posts.place_path').execute(),
      db.selectFrom('party_members').select(['id', 'name']).where('state', '=', 'active').where((eb) => range(eb, 'place_path')).orderBy('name').execute(),
    ]);
    // Names only: the members a resident may recommend, nothing personal.
    return {
      posts: posts.map((p) => ({ id: p.id, title: p.title, duties: p.duties, placeName: p.place_name, placesLeft: p.places_total - p.places_taken })),
      members: members.map((m) => ({ id: m.id, name: m.name })),
    };
  });

  app.post('/h5/party-posts/:id/recommend', {
    schema: { tags: h5tags, summary: 'Recommend a member of my compound for a post', params: ZParams, body: ZNominate.extend({ placeId: ZId }), security: [] },
  }, async (req, reply) => {
    const resident = await requireResident(req);
    const post = await loadPartyPost(app.ctx.handle.db, req.params.id);
    const compound = await findPlace(app.ctx.handle.db, req.body.placeId);
    // A post of another compound does not exist for this page.
    if (!post || !compound || compound.level !== 'compound' || !post.placePath.startsWith(compound.path)) throw notFound('party post');
    const claim = await nominate(app.ctx, residentCaller(resident), post, req.body.memberId, resident.phoneIndex);
    return reply.status(201).send({ id: claim.id, state: claim.state });
  });
};
