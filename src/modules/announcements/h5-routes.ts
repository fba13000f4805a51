import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { selfAndAncestorPaths } from '../../core/access/scope.js';
import type { AppContext } from '../../core/context.js';
import { invalid, notFound } from '../../core/errors.js';
import { nowIso } from '../../core/ids.js';
import { ZId, ZPage } from '../../core/validation.js';
import { findPlace, type PlaceRow } from '../places/index.js';
import { requireResident } from '../resident-h5/index.js';
import { markRead } from './receipts.js';
import { announcementMsg } from './messages.js';

const tags = ['resident-h5'];
const ZWhere = z.object({ placeId: ZId });

/** Where the resident reads: the compound they chose on the page, or a building or household in it. */
async function residentPlace(ctx: AppContext, placeId: string): Promise<PlaceRow> {
  const place = await findPlace(ctx.handle.db, placeId);
  if (!place) throw notFound('place');
  if (!['compound', 'building', 'household'].includes(place.level)) {
    throw invalid('placeId', announcementMsg.readerPlaceLevel, 'place_level');
  }
  return place;
}

/** The published notices addressed to the place or above it (its audience), with whether this phone has read each. */
function audienceQuery(ctx: AppContext, place: PlaceRow, phoneIndex: string) {
  return ctx.handle.db.selectFrom('announcements').innerJoin('places', 'places.id', 'announcements.place_id')
    .leftJoin('announcement_reads as r', (j) => j.onRef('r.announcement_id', '=', 'announcements.id').on('r.reader_kind', '=', 'resident').on('r.reader_key', '=', phoneIndex))
    .where('announcements.state', '=', 'published').where('announcements.place_path', 'in', selfAndAncestorPaths(place.path));
}

const toH5 = (r: { id: string; title: string; body: string; published_at: string | null; place_name: string; read_at: string | null }) =>
  ({ id: r.id, title: r.title, body: r.body, publishedAt: r.published_at, placeName: r.place_name, readAt: r.read_at });

/** The resident's phone page reads the notices of their compound and marks each read when opened; anything else is 404. */
export const announcementH5Routes: FastifyPluginAsyncZod = async (app) => {
  app.get('/h5/announcements', {
    schema: { tags, summary: 'The notices of my compound, newest first', querystring: ZPage(20, 50).extend(ZWhere.shape), security: [] },
  }, async (req) => {
    const resident = await requireResident(req);
    const place = await residentPlace(app.ctx, req.query.placeId);
    const q = audienceQuery(app.ctx, place, resident.phoneIndex);
    const [rows, total] = await Promise.all([
      q.select(['announcements.id', 'announcements.title', 'announcements.body', 'announcements.published_at', 'places.name as place_name', 'r.read_at'])
        .orderBy('announcements.published_at', 'desc').orderBy('announcements.id', 'desc').limit(req.query.limit).offset(req.query.offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toH5), total: Number(total.n) };
  });

  app.post('/h5/announcements/:id/read', {
    schema: { tags, summary: 'I have read it (counted for my household or compound, once)', params: z.object({ id: ZId }), body: ZWhere, security: [] },
  }, async (req) => {
    const resident = await requireResident(req);
    const place = await residentPlace(app.ctx, req.body.placeId);
    const notice = await audienceQuery(app.ctx, place, resident.phoneIndex).select('announcements.id').where('announcements.id', '=', req.params.id).executeTakeFirst();
    if (!notice) throw notFound('announcement');
    const readAt = await markRead(app.ctx.handle.db, notice.id, { reader_kind: 'resident', reader_key: resident.phoneIndex, place_id: place.id, place_path: place.path }, nowIso());
    return { readAt };
  });
};
