import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allowedRoots, bindingsAllowed } from '../../core/access/policy.js';
import { notFound } from '../../core/errors.js';
import { requireActor } from '../../core/http.js';
import { ZId, ZPage } from '../../core/validation.js';
import { userIdsNamed } from '../accounts/index.js';
import { placeIdsUnder } from '../places/index.js';
import { auditPolicy } from './policy.js';
import { eventRefs, nameColumns, recordsNamed, toEvent } from './describe.js';

export { toEvent };

const tags = ['audit'];

const ZAuditQuery = z.object({
  actorId: ZId.optional(),
  username: z.string().trim().max(64).optional(),
  entityType: z.string().trim().max(40).optional(),
  entityId: z.string().trim().max(40).optional(),
  /** A record by what people call it: a work order's tracking number, a place's or a person's name. */
  record: z.string().trim().min(1).max(100).optional(),
  action: z.string().trim().max(40).optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  /** By time, newest first unless asked. */
  order: z.enum(['asc', 'desc']).optional(),
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
      .select(nameColumns(db()))
      .where('events.entity_type', '=', req.params.entityType)
      .where('events.entity_id', '=', req.params.entityId)
      .where('events.place_id', 'in', placeIdsUnder(db(), roots))
      .orderBy('events.id')
      .limit(1000)
      .execute();
    if (rows.length === 0) throw notFound(req.params.entityType);
    const items = rows.map(toEvent);
    return { items, refs: await eventRefs(db(), items) };
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
    if (f.record) q = q.where('events.entity_id', 'in', recordsNamed(db(), f.record));
    if (f.action) q = q.where('events.action', '=', f.action);
    if (f.from) q = q.where('events.at', '>=', new Date(f.from).toISOString());
    if (f.to) q = q.where('events.at', '<', endOf(f.to));
    const [rows, total] = await Promise.all([
      q.selectAll('events').select(nameColumns(db())).orderBy('events.at', f.order ?? 'desc').orderBy('events.id', f.order ?? 'desc').limit(f.limit).offset(f.offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    const items = rows.map(toEvent);
    return { items, refs: await eventRefs(db(), items), total: Number(total.n) };
  });
};

/** A bare date means the whole day. */
const endOf = (to: string) => (/^\d{4}-\d{2}-\d{2}$/.test(to) ? new Date(new Date(to).getTime() + 86400_000) : new Date(to)).toISOString();
