import type { Selectable } from 'kysely';
import type { Actor } from '../../core/access/actor.js';
import { can } from '../../core/access/policy.js';
import type { DbOrTrx } from '../../core/db.js';
import { isStaffCaller, type LifecycleDef, type LifecycleRecord } from '../../core/lifecycle/types.js';
import {
  SERVICE_SITE_LABELS, SERVICE_SITE_STATES, SERVICE_SITE_STEPS, ZServiceSiteStep, type ServiceSiteAction, type ServiceSiteState, type TServiceSite, type TSiteOutline,
} from '../../../contracts/service-sites.js';
import { serviceSiteReadPolicy } from './policy.js';
import type { ServiceSiteTable } from './tables.js';
import { checkSiteWhere, outlineOf, outlineText, pointOf } from './where.js';

export type ServiceSiteRow = Selectable<ServiceSiteTable>;
export interface ServiceSiteRecord extends LifecycleRecord { state: ServiceSiteState; row: ServiceSiteRow }

export const toServiceSite = (r: ServiceSiteRow): TServiceSite => ({
  id: r.id, kind: r.kind, name: r.name, placeId: r.place_id, address: r.address, hours: r.hours, services: r.services,
  lng: r.lng, lat: r.lat, outline: outlineOf(r.outline), state: r.state, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
});

export const toRecord = (row: ServiceSiteRow): ServiceSiteRecord =>
  ({ id: row.id, version: row.version, placeId: row.place_id, placePath: row.place_path, state: row.state, row });

export async function loadServiceSite(db: DbOrTrx, id: string): Promise<ServiceSiteRecord | undefined> {
  const row = await db.selectFrom('service_sites').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toRecord(row);
}

type EditInput = { name?: string; address?: string; hours?: string; services?: string; lng?: number | null; lat?: number | null; outline?: TSiteOutline | null };

/** The site's state table: edit while open, close with a reason, reopen. */
export const serviceSiteLifecycle: LifecycleDef<ServiceSiteRecord, ServiceSiteAction, never, ServiceSiteState> = {
  entityType: 'service_site', table: 'service_sites', states: SERVICE_SITE_STATES, relations: {},
  steps: {
    edit: {
      ...SERVICE_SITE_STEPS.edit, input: ZServiceSiteStep.edit,
      run: async (s, input: EditInput) => {
        // A point given or cleared sets both halves (`{ lat: null }` alone clears it whole).
        const moved = input.lng !== undefined || input.lat !== undefined;
        const given = pointOf({ lng: input.lng ?? null, lat: input.lat ?? null });
        const set = Object.fromEntries(Object.entries({ name: input.name, address: input.address, hours: input.hours, services: input.services,
          ...(moved ? { lng: given?.[0] ?? null, lat: given?.[1] ?? null } : {}) }).filter(([, v]) => v !== undefined));
        if (!moved && input.outline === undefined) return { set, data: set };
        // The point and outline as they will be: the stored ones where the edit leaves them.
        const { row } = s.record;
        const point = moved ? given : pointOf(row);
        const outline = input.outline === undefined ? outlineOf(row.outline) : input.outline;
        await checkSiteWhere(s.ctx.handle.db, row.place_path, point, outline);
        if (input.outline === undefined) return { set, data: set };
        // The event says whether an outline is drawn, as a place's does; the row holds its corners.
        return { set: { ...set, outline: outlineText(input.outline) }, data: { ...set, outline: input.outline !== null } };
      },
    },
    close: { ...SERVICE_SITE_STEPS.close, input: ZServiceSiteStep.close, run: async (_s, input: { reason: string }) => ({ reason: input.reason }) },
    reopen: { ...SERVICE_SITE_STEPS.reopen, input: ZServiceSiteStep.reopen },
  },
  load: (ctx, id) => loadServiceSite(ctx.handle.db, id),
  visible: (caller, r) => isStaffCaller(caller) && can(caller as Actor, serviceSiteReadPolicy, 'read', r.placePath, r),
  view: (_ctx, row: ServiceSiteRow) => toServiceSite(row),
  labels: SERVICE_SITE_LABELS,
};
