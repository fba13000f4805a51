import gcoordModule from 'gcoord';
import type { Geometry } from 'geojson';
import { z } from 'zod';

// gcoord is CommonJS typed as an ES module: at run time the default import is the API itself.
export const gcoord = ((gcoordModule as { default?: unknown }).default ?? gcoordModule) as typeof gcoordModule.default;

/** The systems an import or an edit may declare: WGS-84 (stored, what phones and Open311 give) or GCJ-02 (most Chinese map services). */
export const ZCrs = z.enum(['WGS84', 'GCJ02']);
export type TCrs = z.infer<typeof ZCrs>;

/** A GeoJSON `crs` member's name as a declared system; undefined when it names another one. */
export function crsOfName(name: string | undefined): TCrs | undefined {
  if (name === undefined) return 'WGS84';
  const n = name.toUpperCase().replace(/[^A-Z0-9:]/g, '');
  if (['WGS84', 'EPSG4326', 'EPSG:4326', 'URN:OGC:DEF:CRS:OGC:1.3:CRS84', 'URN:OGC:DEF:CRS:OGC::CRS84', 'CRS84'].includes(n)) return 'WGS84';
  if (n === 'GCJ02') return 'GCJ02';
  return undefined;
}

/** The geometry in WGS-84: GCJ-02 is converted with gcoord (a copy; the input is left as it was). */
export function toWgs84<G extends Geometry | null | undefined>(geometry: G, crs: TCrs): G {
  if (crs === 'WGS84' || !geometry || typeof geometry !== 'object') return geometry;
  try {
    return gcoord.transform(structuredClone(geometry) as never, gcoord.GCJ02, gcoord.WGS84) as unknown as G;
  } catch {
    // Malformed coordinates: left for the shape check to name.
    return geometry;
  }
}
