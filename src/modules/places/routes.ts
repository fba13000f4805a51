import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize, can } from '../../core/access/policy.js';
import { scopeRoots } from '../../core/access/scope.js';
import { notFound } from '../../core/errors.js';
import { requireActor } from '../../core/http.js';
import { revealPersonal } from '../../core/reveal.js';
import type { Actor } from '../../core/access/actor.js';
import { createPlace } from './commands/create-place.js';
import { movePlace } from './commands/move-place.js';
import { updatePlace } from './commands/update-place.js';
import { placePolicy } from './policy.js';
import { ancestorsOf, countsUnder, findPlace, listChildren, searchPlaces, toPlace, type PlaceRow } from './queries.js';
import {
  ZChildrenQuery, ZCreatePlace, ZMovePlace, ZPlace, ZPlaceParams, ZRevealPlace, ZSearchQuery, ZUpdatePlace,
} from './schema.js';

const tags = ['places'];
const ACTIONS = ['create', 'update', 'move', 'reveal', 'exportRoster', 'importRoster'] as const;

/** What the caller may do on this place, so the UI shows only those buttons. `create` is asked for the child level. */
function actionsOn(actor: Actor, place: PlaceRow): string[] {
  const childLevel = { district: 'street', street: 'community', community: 'grid', grid: 'compound', compound: 'building', building: 'household', household: null }[place.level];
  const applies: Record<(typeof ACTIONS)[number], boolean> = {
    create: childLevel !== null,
    update: true,
    move: place.level === 'compound' || place.level === 'building' || place.level === 'household',
    reveal: place.address_enc !== null,
    exportRoster: place.level === 'compound' || place.level === 'building',
    importRoster: place.level === 'compound',
  };
  return ACTIONS.filter((a) => applies[a]).filter((a) =>
    a === 'create'
      ? childLevel !== null && can(actor, placePolicy, a, place.path, { level: childLevel as PlaceRow['level'] })
      : can(actor, placePolicy, a, place.path, { level: place.level }),
  );
}

async function readablePlace(req: { server: { ctx: { handle: { db: any } } } }, actor: Actor, id: string): Promise<PlaceRow> {
  const place = await findPlace(req.server.ctx.handle.db, id);
  if (!place) throw notFound('place');
  authorize(actor, placePolicy, 'read', place.path, { level: place.level });
  return place;
}

export const placeRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.ctx.handle.db;

  app.get('/places/roots', { schema: { tags, summary: 'The top places of the caller’s subtrees' } }, async (req) => {
    const actor = requireActor(req);
    const roots = scopeRoots(actor);
    const rows = await db().selectFrom('places').selectAll().where('path', 'in', roots).orderBy('depth').execute();
    return { items: rows.map(toPlace) };
  });

  app.get('/places/search', { schema: { tags, querystring: ZSearchQuery } }, async (req) => {
    const actor = requireActor(req);
    const rows = await searchPlaces(db(), scopeRoots(actor), req.query.q, req.query.level, req.query.limit);
    const ancestors = await Promise.all(rows.map((r) => ancestorsOf(db(), r.path)));
    return { items: rows.map((r, i) => ({ ...toPlace(r), trail: ancestors[i]!.map((a) => a.name).join(' › ') })) };
  });

  app.get('/places/:id', { schema: { tags, params: ZPlaceParams } }, async (req) => {
    const actor = requireActor(req);
    const place = await readablePlace(req, actor, req.params.id);
    const [ancestors, counts] = await Promise.all([ancestorsOf(db(), place.path), countsUnder(db(), place.path)]);
    // Ancestors above the caller's own roots are shown by name only, so the breadcrumb reads true.
    return { place: toPlace(place), ancestors, counts, actions: actionsOn(actor, place) };
  });

  app.get('/places/:id/children', { schema: { tags, params: ZPlaceParams, querystring: ZChildrenQuery } }, async (req) => {
    const actor = requireActor(req);
    const place = await readablePlace(req, actor, req.params.id);
    const { items, total } = await listChildren(db(), place.id, req.query.limit, req.query.offset);
    return { items: items.map(toPlace), total };
  });

  app.get('/places/:id/counts', { schema: { tags, params: ZPlaceParams } }, async (req) => {
    const actor = requireActor(req);
    const place = await readablePlace(req, actor, req.params.id);
    return { placeId: place.id, counts: await countsUnder(db(), place.path) };
  });

  app.post('/places', { schema: { tags, body: ZCreatePlace, response: { 201: ZPlace } } }, async (req, reply) => {
    const place = await createPlace(app.ctx, requireActor(req), req.body);
    return reply.status(201).send(place);
  });

  app.patch('/places/:id', { schema: { tags, params: ZPlaceParams, body: ZUpdatePlace, response: { 200: ZPlace } } }, async (req) =>
    updatePlace(app.ctx, requireActor(req), req.params.id, req.body),
  );

  app.post('/places/:id/move', { schema: { tags, params: ZPlaceParams, body: ZMovePlace, response: { 200: ZPlace } } }, async (req) =>
    movePlace(app.ctx, requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/places/:id/reveal',
    { schema: { tags, params: ZPlaceParams, body: ZRevealPlace, response: { 200: z.object({ field: z.string(), value: z.string() }) } }, config: { noStore: true } },
    async (req) => {
      const actor = requireActor(req);
      const place = await readablePlace(req, actor, req.params.id);
      authorize(actor, placePolicy, 'reveal', place.path, { level: place.level });
      const value = await revealPersonal(db(), app.ctx.cipher, actor, {
        entityType: 'place', entityId: place.id, placeId: place.id, field: 'address', stored: place.address_enc, reason: req.body.reason,
      });
      return { field: 'address', value };
    },
  );
};
