import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../core/access/actor.js';
import { allowedWhere, rolesAllowed } from '../../core/access/policy.js';
import { assertInScope, bindingsOver, inSubtrees } from '../../core/access/scope.js';
import type { AppContext } from '../../core/context.js';
import { forbidden, invalid, notFound } from '../../core/errors.js';
import { appendEvent } from '../../core/events.js';
import { requireActor } from '../../core/http.js';
import { newId, nowIso } from '../../core/ids.js';
import { availableActions } from '../../core/lifecycle/engine.js';
import { lifecycleRoutes } from '../../core/lifecycle/routes.js';
import { ZId, ZPage } from '../../core/validation.js';
import {
  SERVICE_SITE_KINDS, SERVICE_SITE_PLACE_LEVELS, SERVICE_SITE_STATES, ZCreateServiceSite, type TCreateServiceSite,
} from '../../../contracts/service-sites.js';
import { findPlace } from '../places/index.js';
import { serviceSiteLifecycle as def, loadServiceSite, toRecord, toServiceSite, type ServiceSiteRecord, type ServiceSiteRow } from './lifecycle.js';
import { serviceSiteMsg } from './messages.js';
import { serviceSitePolicy, serviceSiteReadPolicy } from './policy.js';
import { checkSiteWhere, outlineText, pointOf } from './where.js';

const tags = ['service-sites'];
const ZParams = z.object({ id: ZId });
const ZListQuery = ZPage(20, 100).extend({
  placeId: ZId.optional(), kind: z.enum(SERVICE_SITE_KINDS).optional(), state: z.enum(SERVICE_SITE_STATES).optional(), q: z.string().trim().max(50).optional(),
});
const WRITERS = rolesAllowed(serviceSitePolicy, 'create');

async function visibleSite(ctx: AppContext, actor: Actor, id: string): Promise<ServiceSiteRecord> {
  const record = await loadServiceSite(ctx.handle.db, id);
  if (!record || !def.visible(actor, record)) throw notFound('service site');
  return record;
}

/**
 * Registers a site on a place of the caller's subtree (404 outside, 403 without an office role over it, 422 on a household,
 * 422 for a point or outline outside the place's ground).
 */
async function createServiceSite(ctx: AppContext, actor: Actor, input: TCreateServiceSite) {
  const place = await findPlace(ctx.handle.db, input.placeId);
  assertInScope(actor, place?.path, 'place');
  if (!(SERVICE_SITE_PLACE_LEVELS as readonly string[]).includes(place!.level)) throw invalid('placeId', serviceSiteMsg.placeLevel, 'place_level');
  if (!bindingsOver(actor, place!.path, WRITERS).length) throw forbidden();
  const point = pointOf({ lng: input.lng ?? null, lat: input.lat ?? null });
  await checkSiteWhere(ctx.handle.db, place!.path, point, input.outline ?? null);
  const now = nowIso();
  const row: ServiceSiteRow = {
    id: newId(), kind: input.kind, name: input.name, place_id: place!.id, place_path: place!.path, address: input.address ?? '', hours: input.hours ?? '',
    services: input.services ?? '', lng: point?.[0] ?? null, lat: point?.[1] ?? null, outline: outlineText(input.outline ?? null), state: 'open', version: 1,
    created_at: now, updated_at: now,
  };
  await ctx.handle.db.transaction().execute(async (trx) => {
    await trx.insertInto('service_sites').values(row).execute();
    await appendEvent(trx, actor, { entityType: 'service_site', entityId: row.id, placeId: row.place_id, action: 'create',
      to: { state: 'open', kind: row.kind, name: row.name } }, now);
  });
  return { ...toServiceSite(row), placeName: place!.name, actions: availableActions(def, actor, toRecord(row)) };
}

/** 服务中心与便民服务点 for staff: register, list (kind, state, place, name), read, and the state table's steps. */
export const serviceSiteRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.ctx.handle.db;

  app.post('/service-sites', { schema: { tags, summary: 'Register a service centre or service point on a place', body: ZCreateServiceSite } }, async (req, reply) =>
    reply.status(201).send(await createServiceSite(app.ctx, requireActor(req), req.body)));

  app.get('/service-sites', { schema: { tags, summary: 'The service centres and service points I may see', querystring: ZListQuery } }, async (req) => {
    const actor = requireActor(req);
    const f = req.query;
    const place = f.placeId ? await findPlace(db(), f.placeId) : undefined;
    if (f.placeId) assertInScope(actor, place?.path, 'place');
    let q = db().selectFrom('service_sites').innerJoin('places', 'places.id', 'service_sites.place_id')
      .where((eb) => allowedWhere(eb, actor, serviceSiteReadPolicy, 'read', 'service_sites.place_path'));
    if (place) q = q.where((eb) => inSubtrees(eb, 'service_sites.place_path', [place.path]));
    if (f.kind) q = q.where('service_sites.kind', '=', f.kind);
    if (f.state) q = q.where('service_sites.state', '=', f.state);
    if (f.q) q = q.where('service_sites.name', 'like', `%${f.q.replace(/[%_]/g, '')}%`);
    const [rows, total] = await Promise.all([
      q.selectAll('service_sites').select('places.name as place_name').orderBy('service_sites.place_path').orderBy('service_sites.kind')
        .orderBy('service_sites.name').orderBy('service_sites.id').limit(f.limit).offset(f.offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      items: rows.map((r) => ({ ...toServiceSite(r), placeName: r.place_name, actions: availableActions(def, actor, toRecord(r)) })),
      total: Number(total.n),
    };
  });

  app.get('/service-sites/:id', { schema: { tags, params: ZParams } }, async (req) => {
    const actor = requireActor(req);
    const record = await visibleSite(app.ctx, actor, req.params.id);
    const place = await findPlace(db(), record.placeId);
    return { ...toServiceSite(record.row), placeName: place?.name ?? null, actions: availableActions(def, actor, record) };
  });

  await app.register(lifecycleRoutes(def, { base: '/service-sites', tags, caller: requireActor }));
};
