import type { AppContext } from '../../../core/context.js';
import { apiKeyActor, type ApiKeyRow } from '../../api-keys/index.js';
import { createPlaceResolver, findPlace, PLACE_MISS_TEXT } from '../../places/index.js';
import { placeForPoint } from '../../place-geometry/index.js';
import { z } from 'zod';
import { saveAttachments, uploadRoot, withAttachmentFiles, checkPhotos } from '../../attachments/index.js';
import { fileDemand, orderAttachmentOwner, ZFileDemand } from '../../work-orders/index.js';
import { ZText } from '../../../../contracts/validation.js';
import { DEMAND_TYPES, type DemandType } from '../../../../contracts/work-orders.js';
import type { Fields } from '../fields.js';
import { findService } from '../queries.js';
import { badRequest, notFound311 } from '../respond.js';
import { mediaLinks, withMedia } from '../views.js';
import { open311Msg } from '../messages.js';
import { msg } from '../../../core/i18n.js';

const PARAM_OF = { placeId: 'address_id', community: 'attribute[community]', compound: 'attribute[compound] / address_string' } as const;

const number = (f: Fields, name: string) => {
  const v = f.get(name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw badRequest(`${name} must be a number`);
  return n;
};

/** FixMyStreet's address_id for a pin not placed on an address: no address id at all. */
const NOT_PINPOINTED = '#NOTPINPOINTED#';

/**
 * address_id, or the community and compound attributes (a compound may also be named by address_string); with neither
 * an address_id nor a community (a stock FixMyStreet sends only the pin), a compound the name finds in the key's area,
 * else the place the pin falls in inside the key's area (place-geometry's lookup), else the key's own place, where staff
 * place the request (`unplaced`). A named place that is not there is 400 or 404.
 */
async function placeOf(ctx: AppContext, key: ApiKeyRow, f: Fields, pin: { lat?: number; lng?: number }) {
  const { db } = ctx.handle;
  const addressId = f.get('address_id') === NOT_PINPOINTED ? undefined : f.get('address_id');
  const named = { placeId: addressId, community: f.attribute('community'), compound: f.attribute('compound') ?? f.get('address_string') };
  const resolve = createPlaceResolver(db, [key.place_path]);
  if (!named.placeId && !named.community) {
    // A compound named by its name alone is looked for in the key's area; found or not, the request is never refused.
    const found = named.compound ? await resolve(named) : null;
    if (found && 'place' in found) return found.place;
    // The pin, inside the key's area: the nearest compound of the grid it falls in, else that grid (or community).
    const located = pin.lat !== undefined && pin.lng !== undefined
      ? await placeForPoint(db, [key.place_path], pin.lng, pin.lat, ctx.config.locateMaxMetres) : null;
    const own = await findPlace(db, located?.id ?? key.place_id);
    if (own) return own;
  }
  const where = await resolve(named);
  if ('place' in where) return where.place;
  const described = `${PARAM_OF[where.field]}: ${PLACE_MISS_TEXT[where.miss].en} (${PLACE_MISS_TEXT[where.miss].zh})`;
  throw where.miss === 'not_found' ? notFound311(described) : badRequest(described);
}

/** What a GeoReport client sends is kept as sent: descriptions up to 4,000 characters, any phone number (masked like every other). */
const MAX_DESCRIPTION = 4000;
const ZClientDemand = ZFileDemand.extend({
  description: ZText(MAX_DESCRIPTION, open311Msg.descriptionRequired.zh, open311Msg.descriptionRequired.en),
  reporterPhone: z.string().trim().min(1).max(40).optional(),
});

/**
 * Files a GeoReport request as a work order from channel `open311`, inside the key's subtree, placed as placeOf says;
 * a valid request is never refused for want of a place.
 */
export async function postServiceRequest(ctx: AppContext, key: ApiKeyRow, f: Fields) {
  const { db } = ctx.handle;
  const code = f.get('service_code');
  if (!code) throw badRequest('service_code is required');
  const service = await findService(db, code);
  if (!service) throw notFound311(`service_code ${code} not found`);
  const text = f.get('description');
  if (!text) throw badRequest('description is required');
  const type = (f.attribute('demand_type') ?? 'help') as DemandType;
  if (!DEMAND_TYPES.includes(type)) throw badRequest(`attribute[demand_type] must be one of ${DEMAND_TYPES.join(', ')}`);
  const lat = number(f, 'lat');
  const lng = number(f, 'long');

  const place = await placeOf(ctx, key, f, { lat, lng });
  // An uploaded photo gets the same checks and loses its metadata as the H5 page's do, before anything is written.
  const photos = checkPhotos(f.media);
  const media = mediaLinks(f.all('media_url'));
  // withMedia appends '\n\n' and a '[media_url] <url>' line per link.
  const body = text.slice(0, MAX_DESCRIPTION - (media.length ? media.reduce((n, u) => n + u.length + 14, 2) : 0));
  const parsed = ZClientDemand.safeParse({
    channel: 'open311', demandType: type, categoryId: service.id, placeId: place.id,
    title: body.split('\n').map((l) => l.trim()).find(Boolean)!.slice(0, 50), description: withMedia(body, media),
    address: f.get('address_string')?.slice(0, 200), lat, lng,
    reporterName: f.personName() ?? undefined,
    reporterPhone: f.get('phone'),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const param = ({ lng: 'long', reporterPhone: 'phone', address: 'address_string' } as Record<string, string>)[String(issue.path[0])] ?? String(issue.path[0]);
    throw badRequest(`${param}: ${issue.message.startsWith('{') ? (JSON.parse(issue.message) as { en: string }).en : issue.message}`);
  }
  const caller = apiKeyActor(key);
  const order = await withAttachmentFiles((written) => fileDemand(ctx, { system: caller }, parsed.data, photos.length
    ? async (trx, row) => void (await saveAttachments(trx, uploadRoot(ctx.config), orderAttachmentOwner(row), 'report', photos, caller, written))
    : undefined, { unplaced: true }));
  return { service_request_id: order.trackingNo, service_notice: msg(open311Msg.received, { trackingNo: order.trackingNo }).zh, account_id: null };
}
