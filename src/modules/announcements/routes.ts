import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../../core/access/actor.js';
import { allowedWhere, bindingsAllowed } from '../../core/access/policy.js';
import { assertInScope, inSubtrees, rootsWithin } from '../../core/access/scope.js';
import type { AppContext } from '../../core/context.js';
import { conflict, forbidden, notFound } from '../../core/errors.js';
import { appendEvent } from '../../core/events.js';
import { requireActor } from '../../core/http.js';
import { newId, nowIso } from '../../core/ids.js';
import { availableActions } from '../../core/lifecycle/engine.js';
import { lifecycleRoutes } from '../../core/lifecycle/routes.js';
import { ZId, ZPage } from '../../core/validation.js';
import { ANNOUNCEMENT_STATES, ZCreateAnnouncement, type TCreateAnnouncement } from '../../../contracts/announcements.js';
import { findPlace } from '../places/index.js';
import { exportAnnouncements } from './ledger.js';
import { announcementLifecycle as def, loadAnnouncement, toAnnouncement, toRecord, type AnnouncementRecord } from './lifecycle.js';
import { announcementPlace, officeFor, staffReaderPlace } from './places.js';
import { announcementPolicy, announcementReadPolicy } from './policy.js';
import { markRead, readCounts, receiptsPerCompound } from './receipts.js';
import { announcementMsg } from './messages.js';

const tags = ['announcements'];
const ZParams = z.object({ id: ZId });
const ZListQuery = ZPage(20, 100).extend({
  state: z.enum(ANNOUNCEMENT_STATES).optional(), placeId: ZId.optional(), q: z.string().trim().max(50).optional(), unread: z.enum(['true', 'false']).optional(),
});

/** The notice if the caller may see it; otherwise it does not exist for them (404). */
async function findVisible(ctx: AppContext, actor: Actor, id: string): Promise<AnnouncementRecord> {
  const record = await loadAnnouncement(ctx.handle.db, id);
  if (!record || !def.visible(actor, record)) throw notFound('announcement');
  return record;
}

/** Creating is a plain command: the draft, written by the caller's office over the place, and its `create` event. */
async function createAnnouncement(ctx: AppContext, actor: Actor, input: TCreateAnnouncement) {
  const place = await announcementPlace(ctx, actor, input.placeId);
  const office = officeFor(actor, place.path);
  const now = nowIso();
  const row = { id: newId(), title: input.title, body: input.body, place_id: place.id, place_path: place.path, office_id: office.placeId,
    office_path: office.placePath, state: 'draft' as const, author_id: actor.userId, published_at: null, withdrawn_at: null, version: 1, created_at: now, updated_at: now };
  await ctx.handle.db.transaction().execute(async (trx) => {
    await trx.insertInto('announcements').values(row).execute();
    await appendEvent(trx, actor, { entityType: 'announcement', entityId: row.id, placeId: place.id, action: 'create', to: { state: 'draft', officeId: office.placeId } }, now);
  });
  return { ...toAnnouncement(row), actions: availableActions(def, actor, toRecord(row)) };
}

/** Receipts reach as far as both the notice and the caller do: per binding, the deeper of the two paths. */
function receiptRoots(actor: Actor, record: AnnouncementRecord): string[] {
  const roots = rootsWithin(bindingsAllowed(actor, announcementPolicy, 'receipts').map((b) => b.placePath), record.placePath);
  if (!roots.length) throw forbidden();
  return roots;
}

/** 通知公告 for staff: write, list, read, publish and withdraw (the state table), mark read, receipts per compound, the ledger. */
export const announcementRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.ctx.handle.db;

  app.post('/announcements', { schema: { tags, summary: 'Write a notice (a draft)', body: ZCreateAnnouncement } }, async (req, reply) =>
    reply.status(201).send(await createAnnouncement(app.ctx, requireActor(req), req.body)));

  app.get('/announcements', { schema: { tags, summary: 'The notices I may see, newest first', querystring: ZListQuery } }, async (req) => {
    const actor = requireActor(req);
    const f = req.query;
    const place = f.placeId ? await findPlace(db(), f.placeId) : undefined;
    if (f.placeId) assertInScope(actor, place?.path, 'place');
    let q = db().selectFrom('announcements').innerJoin('places', 'places.id', 'announcements.place_id')
      .leftJoin('announcement_reads as r', (j) => j.onRef('r.announcement_id', '=', 'announcements.id').on('r.reader_kind', '=', 'user').on('r.reader_key', '=', actor.userId))
      .where((eb) => allowedWhere(eb, actor, announcementReadPolicy, 'read', 'announcements.place_path'));
    if (place) q = q.where((eb) => inSubtrees(eb, 'announcements.place_path', [place.path]));
    if (f.state) q = q.where('announcements.state', '=', f.state);
    if (f.q) q = q.where('announcements.title', 'like', `%${f.q.replace(/[%_]/g, '')}%`);
    if (f.unread === 'true') q = q.where('announcements.state', '=', 'published').where('r.read_at', 'is', null);
    const [rows, total] = await Promise.all([
      q.selectAll('announcements').select(['places.name as place_name', 'r.read_at'])
        .orderBy(sql`coalesce(announcements.published_at, announcements.created_at)`, 'desc').orderBy('announcements.id', 'desc')
        .limit(f.limit).offset(f.offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    const counts = await readCounts(db(), rows.map((r) => r.id));
    // A list carries no bodies: the detail has it.
    const items = rows.map((r) => {
      const { body: _body, ...a } = toAnnouncement(r);
      return { ...a, placeName: r.place_name, readAt: r.read_at, readers: counts.get(r.id)?.readers ?? 0 };
    });
    return { items, total: Number(total.n) };
  });

  app.get('/announcements/:id', { schema: { tags, params: ZParams } }, async (req) => {
    const actor = requireActor(req);
    const record = await findVisible(app.ctx, actor, req.params.id);
    const [names, read, created] = await Promise.all([
      db().selectFrom('places').select(['id', 'name']).where('id', 'in', [record.placeId, record.row.office_id]).execute(),
      db().selectFrom('announcement_reads').select('read_at').where('announcement_id', '=', record.id).where('reader_kind', '=', 'user').where('reader_key', '=', actor.userId).executeTakeFirst(),
      db().selectFrom('events').select('actor_name').where('entity_type', '=', 'announcement').where('entity_id', '=', record.id).where('action', '=', 'create').executeTakeFirst(),
    ]);
    const name = (id: string) => names.find((n) => n.id === id)?.name ?? null;
    return {
      announcement: toAnnouncement(record.row), placeName: name(record.placeId), officeName: name(record.row.office_id), authorName: created?.actor_name ?? null,
      readAt: read?.read_at ?? null, actions: availableActions(def, actor, record),
    };
  });

  await app.register(lifecycleRoutes(def, { base: '/announcements', tags, caller: requireActor }));

  app.post('/announcements/:id/read', { schema: { tags, summary: 'I have read it (once; reading again changes nothing)', params: ZParams } }, async (req) => {
    const actor = requireActor(req);
    const record = await findVisible(app.ctx, actor, req.params.id);
    if (record.state !== 'published') throw conflict('state', announcementMsg.notPublished, 'not_published');
    const where = staffReaderPlace(actor, record.placePath);
    const readAt = await markRead(db(), record.id, { reader_kind: 'user', reader_key: actor.userId, place_id: where.placeId, place_path: where.placePath }, nowIso());
    return { readAt };
  });

  app.get('/announcements/:id/receipts', {
    schema: { tags, summary: 'Read receipts per compound: households, households read, readers', params: ZParams, querystring: ZPage(50, 500) },
  }, async (req) => {
    const actor = requireActor(req);
    const record = await findVisible(app.ctx, actor, req.params.id);
    if (record.state === 'draft') throw conflict('state', announcementMsg.draftHasNoReceipts, 'not_published');
    return receiptsPerCompound(db(), record.id, receiptRoots(actor, record), req.query);
  });

  app.get('/announcements.xlsx', {
    schema: { tags, summary: 'The notices of a place with read counts (.xlsx ledger)', querystring: z.object({ placeId: ZId }) },
  }, async (req, reply) => exportAnnouncements(app.ctx, requireActor(req), req.query.placeId, reply));
};
