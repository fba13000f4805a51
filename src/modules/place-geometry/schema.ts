import { z } from 'zod';
import { ZId, ZVersion } from '../../core/validation.js';
import { bilingualMsg } from '../../core/i18n.js';
import { ZCrs } from './crs.js';
import { geometryMsg } from './messages.js';

// A refined object cannot be extended or picked (zod 4): the body is one plain object, refined once per route.
const geometryBody = {
  geometry: z.object({ type: z.string(), coordinates: z.array(z.unknown()) }).passthrough(),
  outline: z.object({ type: z.string(), coordinates: z.array(z.unknown()) }).passthrough().nullable().optional(),
  crs: ZCrs.default('WGS84'),
  /** A compound's or building's new point moves its stored outline and its children with it (the outline is not sent). */
  carry: z.boolean().optional(),
  reason: z.string().trim().max(500).optional(),
};
const noOutlineWithCarry = (v: { carry?: boolean; outline?: unknown }) => !(v.carry && v.outline);

/** One place's geometry, as the map editor sends it: GeoJSON geometry objects, checked by readShape. */
export const ZSetGeometry = z.object({ version: ZVersion, ...geometryBody })
  .refine(noOutlineWithCarry, { path: ['outline'], ...bilingualMsg(geometryMsg.carryNoOutline) });
/** The same body without the version: what the editor sends to have its shape checked while the worker draws. */
export const ZCheckGeometry = z.object(geometryBody)
  .refine(noOutlineWithCarry, { path: ['outline'], ...bilingualMsg(geometryMsg.carryNoOutline) });
export type TCheckGeometry = z.infer<typeof ZCheckGeometry>;
export type TSetGeometry = z.infer<typeof ZSetGeometry>;

export const ZPlaceParams = z.object({ id: ZId });

const ZFeature = z.object({
  type: z.literal('Feature'),
  properties: z.record(z.string(), z.unknown()).nullable().optional(),
  geometry: z.unknown(),
});

/** An import: one feature per place, matched by `properties.code` (division code) or `properties.id` (place id). */
export const ZGeometryImport = z.object({
  type: z.literal('FeatureCollection'),
  crs: z.object({ type: z.string().optional(), properties: z.object({ name: z.string() }).passthrough() }).passthrough().optional(),
  features: z.array(ZFeature).min(1).max(5000),
});
export type TGeometryImport = z.infer<typeof ZGeometryImport>;
export const ZImportQuery = z.object({ crs: ZCrs.optional() });

export const ZLocateQuery = z.object({
  lat: z.coerce.number().min(-90).max(90),
  long: z.coerce.number().min(-180).max(180),
});
