import { booleanPointInPolygon } from '@turf/turf';
import type { TSiteOutline } from '../../../contracts/service-sites.js';
import type { DbOrTrx } from '../../core/db.js';
import { AppError, invalid } from '../../core/errors.js';
import { msg } from '../../core/i18n.js';
import { liesInside, nearestRegion, polygonProblem } from '../place-geometry/index.js';
import { serviceSiteMsg } from './messages.js';

type Point = [number, number];

/**
 * A site's point and outline as they will be after the write, checked before it: the outline a valid polygon (closed,
 * not crossing itself) around the point, and both inside the ground of the site's place, or of the nearest place above it
 * that has a boundary or outline (422 `outside_place`, naming that place). Where no place up the tree has one, any point.
 */
export async function checkSiteWhere(db: DbOrTrx, placePath: string, point: Point | null, outline: TSiteOutline | null): Promise<void> {
  if (outline) {
    if (!point) throw invalid('outline', serviceSiteMsg.outlineNeedsPoint);
    const bad = polygonProblem(outline, 'outline');
    if (bad) throw new AppError(422, bad.code, bad.message, bad.field);
    if (!booleanPointInPolygon(point, outline)) throw new AppError(422, 'outside_outline', serviceSiteMsg.outsideOutline, 'outline');
  }
  if (!point) return;
  const within = await nearestRegion(db, { path: placePath });
  if (within && !liesInside(point, outline, within)) throw new AppError(422, 'outside_place', msg(serviceSiteMsg.outsidePlace, { place: within.name }), 'lng');
}

/** The point of a site's fields, or null. */
export const pointOf = (v: { lng: number | null; lat: number | null }): Point | null => (v.lng == null || v.lat == null ? null : [v.lng, v.lat]);

/** The outline as stored (a GeoJSON text: only its type and corners), and back. */
export const outlineText = (o: TSiteOutline | null): string | null => (o ? JSON.stringify({ type: 'Polygon', coordinates: o.coordinates }) : null);
export const outlineOf = (text: string | null): TSiteOutline | null => (text ? JSON.parse(text) as TSiteOutline : null);
