import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { allowedRoots, bindingsAllowed } from '../../core/access/policy.js';
import { notFound } from '../../core/errors.js';
import type { EventTable } from '../../core/events.js';
import { requireActor } from '../../core/http.js';
import { ZId, ZPage } from '../../core/validation.js';
import { userIdsNamed } from '../accounts/index.js';
import { placeIdsUnder } from '../places/index.js';
import { auditPolicy } from './policy.js';

const tags = ['audit'];

export function toEvent(e: Selectable<EventTable>) {
  return {
    id: Number(e.id), at: e.at, actorId: e.actor_id, actorName: e.actor_name, entityType: e.entity_type, entityId: e.entity_id,
    action: e.action, from: e.from_state ? JSON.parse(e.from_state) : null, to: e.to_state ? JSON.parse(e.to_state) : null,
    reason: e.reason, placeId: e.place_id,
  };
}

const ZAuditQuery = z.object({
  actorId: ZId.optional(),
  username: z.string().trim().max(64).optional(),
  entityType: z.string().trim().max(40).optional(),
  entityId: z.string().trim().max(40).optional(),
  action: z.string().trim().max(40).optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  ...ZPage(50, 200).shape,
});

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.ctx.handle.db;

  app.get('/timeline/:entityType/:entityId', {
    schema: { tags, summary: 'A record’s events in order', params: z.object({ entityType: z.string().max(40), entityId: ZId }) },
  }, async (req) => {
    const actor = requireActor(req);
    const roots = allowedRoots(actor, auditPolicy, 'timeline');
    const rows = await db()
      .selectFrom('events')
      .selectAll('events')
      .where('events.entity_type', '=', req.params.entityType)
      .where('events.entity_id', '=', req.params.entityId)
      .where('events.place_id', 'in', placeIdsUnder(db(), roots))
      .orderBy('events.id')
      .limit(1000)
      .execute();
    if (rows.length === 0) throw notFound(req.params.entityType);
    return { items: rows.map(toEvent) };
  });

  app.get('/audit', { schema: { tags, summary: 'The audit log, filtered by person, record and time', querystring: ZAuditQuery } }, async (req) => {
    const actor = requireActor(req);
    const f = req.query;
    const roots = bindingsAllowed(actor, auditPolicy, 'read').map((b) => b.placePath);
    // An event's scope is its place's: the places inside the caller's roots (the places module's subquery).
    let q = db().selectFrom('events').where('events.place_id', 'in', placeIdsUnder(db(), roots));
    if (f.actorId) q = q.where('events.actor_id', '=', f.actorId);
    if (f.username) {
      q = q.where('events.actor_id', 'in', userIdsNamed(db(), f.username));
    }
    if (f.entityType) q = q.where('events.entity_type', '=', f.entityType);
    if (f.entityId) q = q.where('events.entity_id', '=', f.entityId);
    if (f.action) q = q.where('events.action', '=', f.action);
    if (f.from) q = q.where('events.at', '>=', new Date(f.from).toISOString());
    if (f.to) q = q.where('events.at', '<', endOf(f.to));
    const [rows, total] = await Promise.all([
      q.selectAll('events').orderBy('events.id', 'desc').limit(f.limit).offset(f.offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toEvent), total: Number(total.n) };
  });
};

/** A bare date means the whole day. */
const endOf = (to: string) => (/^\d{4}-\d{2}-\d{2}$/.test(to) ? new Date(new Date(to).getTime() + 86400_000) : new Date(to)).toISOString();
