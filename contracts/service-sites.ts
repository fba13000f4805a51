import { z } from 'zod';
import type { PlaceLevel } from './places.js';
import { OFFICE_ROLES } from './roles.js';
import { bilingual, ZId, ZReason, ZString, ZVersion } from './validation.js';

/**
 * 党群服务中心(站) and 便民服务点, hung on a place of the one net: a service centre (or station) with its opening hours and
 * services, a service point (a shop or stall offering services at neighbour prices). Both carry an optional point, and
 * around it an optional outline; both lie inside the place's ground when the place (or a place above it) has one.
 */
export const SERVICE_SITE_KINDS = ['service_centre', 'service_point'] as const;
export type ServiceSiteKind = (typeof SERVICE_SITE_KINDS)[number];

/** A site hangs on any place down to a building; a household is someone's home, never a public site. */
export const SERVICE_SITE_PLACE_LEVELS = ['district', 'street', 'community', 'grid', 'compound', 'building'] as const satisfies readonly PlaceLevel[];

/** In service, or closed (no longer listed on the public pages; the record and its history stay). */
export const SERVICE_SITE_STATES = ['open', 'closed'] as const;
export type ServiceSiteState = (typeof SERVICE_SITE_STATES)[number];

/** The state table: an office over the site's place edits it while open, closes it with a reason, and reopens it. */
export const SERVICE_SITE_STEPS = {
  edit: { from: ['open'], to: null, who: OFFICE_ROLES, event: 'edit' },
  close: { from: ['open'], to: 'closed', who: OFFICE_ROLES, event: 'close' },
  reopen: { from: ['closed'], to: 'open', who: OFFICE_ROLES, event: 'reopen' },
} as const satisfies Record<string, { from: readonly ServiceSiteState[]; to: ServiceSiteState | null; who: readonly string[]; event: string }>;
export type ServiceSiteAction = keyof typeof SERVICE_SITE_STEPS;

const text = (max: number, zh: string, en: string) => ZString().trim().max(max, bilingual(zh, en));
const ZName = ZString().trim().min(2, bilingual('请填写名称(至少2个字)', 'Give a name (at least 2 characters)')).max(50, bilingual('名称不能超过50字', 'At most 50 characters'));
const ZAddress = text(100, '地址不能超过100字', 'At most 100 characters');
const ZHours = text(100, '开放时间不能超过100字', 'At most 100 characters');
const ZServices = text(500, '服务内容不能超过500字', 'At most 500 characters');
/** WGS-84, as phones and Open311 give it; the two come together or not at all. */
const ZLng = z.number().min(-180, bilingual('经度应在 -180 到 180 之间', 'Longitude is between -180 and 180')).max(180, bilingual('经度应在 -180 到 180 之间', 'Longitude is between -180 and 180'));
const ZLat = z.number().min(-90, bilingual('纬度应在 -90 到 90 之间', 'Latitude is between -90 and 90')).max(90, bilingual('纬度应在 -90 到 90 之间', 'Latitude is between -90 and 90'));
const bothOrNone = (v: { lng?: number | null; lat?: number | null }) => (v.lng == null) === (v.lat == null);
const BOTH = { message: bilingual('经度和纬度须同时填写', 'Give both longitude and latitude, or neither').error, path: ['lat'] };

/** A site's outline, as GeoJSON: one closed ring of [lng, lat] corners (no holes), drawn around the site's point. */
const MAX_OUTLINE_POSITIONS = 201;
const ZOutline = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(z.array(z.tuple([z.number(), z.number()])).max(MAX_OUTLINE_POSITIONS, bilingual('轮廓最多200个角', 'An outline has at most 200 corners')))
    .length(1, bilingual('轮廓须为一个环,不含内环', 'An outline is one ring, without holes')),
});
export type TSiteOutline = z.infer<typeof ZOutline>;

const fields = {
  name: ZName, address: ZAddress.optional(), hours: ZHours.optional(), services: ZServices.optional(), lng: ZLng.nullable().optional(), lat: ZLat.nullable().optional(),
  outline: ZOutline.nullable().optional(),
};

export const ZCreateServiceSite = z.object({ kind: z.enum(SERVICE_SITE_KINDS), placeId: ZId, ...fields }).refine(bothOrNone, BOTH);
export type TCreateServiceSite = z.infer<typeof ZCreateServiceSite>;

/** One body per step; `version` guards every one. An edit names only what changes (`null` clears the point or the outline). */
export const ZServiceSiteStep = {
  edit: z.object({ version: ZVersion, ...fields, name: ZName.optional() }).refine(bothOrNone, BOTH),
  close: z.object({ version: ZVersion, reason: ZReason }),
  reopen: z.object({ version: ZVersion }),
} as const satisfies Record<ServiceSiteAction, z.ZodType>;

export const SERVICE_SITE_LABELS = {
  steps: { edit: { zh: '修改', en: 'Edit' }, close: { zh: '停用', en: 'Close' }, reopen: { zh: '重新启用', en: 'Reopen' } },
  states: { open: { zh: '在用', en: 'Open' }, closed: { zh: '已停用', en: 'Closed' } },
  events: { create: { zh: '登记', en: 'Registered' } },
} as const;

/** A site as staff read it. */
export interface TServiceSite {
  id: string; kind: ServiceSiteKind; name: string; placeId: string; placeName?: string; address: string; hours: string; services: string;
  lng: number | null; lat: number | null; outline: TSiteOutline | null; state: ServiceSiteState; version: number; createdAt: string; updatedAt: string;
  actions?: string[];
}

/** What the public QR page shows of a site: no ids, nothing personal. */
export interface TPublicServiceSite { kind: ServiceSiteKind; name: string; address: string; hours: string; services: string }
