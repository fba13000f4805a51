import type { AppContext } from '../../../core/context.js';
import type { DbOrTrx } from '../../../core/db.js';
import { apiKeyActor, type ApiKeyRow } from '../../api-keys/index.js';
import { createPlaceResolver, PLACE_MISS_TEXT } from '../../places/index.js';
import { fileDemand, ZFileDemand } from '../../work-orders/index.js';
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

/** address_id, or the community and compound attributes (a compound may also be named by address_string). */
async function placeOf(db: DbOrTrx, key: ApiKeyRow, f: Fields) {
  const where = await createPlaceResolver(db, [key.place_path])({
    placeId: f.get('address_id'), community: f.attribute('community'), compound: f.attribute('compound') ?? f.get('address_string'),
  });
  if ('place' in where) return where.place;
  const described = `${PARAM_OF[where.field]}: ${PLACE_MISS_TEXT[where.miss].en} (${PLACE_MISS_TEXT[where.miss].zh})`;
  throw where.miss === 'not_found' ? notFound311(described) : badRequest(described);
}

/**
 * Files a GeoReport request as a work order from channel `open311`, inside the key's subtree. It is placed by
 * `address_id` (our place id), or by `attribute[community]` with `attribute[compound]` or an `address_string` naming a
 * compound; without either the answer is 400, since OneGrid's places carry no coordinates to find the nearest.
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

  const place = await placeOf(db, key, f);
  const media = mediaLinks(f.all('media_url'));
  const body = text.slice(0, 2000 - media.reduce((n, u) => n + u.length + 14, 2));
  const parsed = ZFileDemand.safeParse({
    channel: 'open311', demandType: type, categoryId: service.id, placeId: place.id,
    title: body.split('\n').map((l) => l.trim()).find(Boolean)!.slice(0, 50), description: withMedia(body, media),
    address: f.get('address_string')?.slice(0, 200), lat, lng,
    reporterName: [f.get('first_name'), f.get('last_name')].filter(Boolean).join(' ').slice(0, 50) || undefined,
    reporterPhone: f.get('phone'),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const param = ({ lng: 'long', reporterPhone: 'phone', address: 'address_string' } as Record<string, string>)[String(issue.path[0])] ?? String(issue.path[0]);
    throw badRequest(`${param}: ${issue.message.startsWith('{') ? (JSON.parse(issue.message) as { en: string }).en : issue.message}`);
  }
  const order = await fileDemand(ctx, { system: apiKeyActor(key) }, parsed.data);
  return { service_request_id: order.trackingNo, service_notice: msg(open311Msg.received, { trackingNo: order.trackingNo }).zh, account_id: null };
}
