/** A place's geometry, WGS-84: a boundary for district to grid, a point (and maybe an outline) for compound and building. */
export interface PlaceGeometryTable {
  place_id: string;
  kind: GeometryKind;
  /** GeoJSON geometry text: Polygon or MultiPolygon for a boundary, Point for a point. */
  geometry: string;
  /** A point's outline, a GeoJSON Polygon text; null for boundaries and bare points. */
  outline: string | null;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  created_at: string;
  updated_at: string;
}

export type GeometryKind = 'boundary' | 'point';

export interface PlaceGeometryTables {
  place_geometries: PlaceGeometryTable;
}

declare module '../../core/schema.js' {
  interface Database extends PlaceGeometryTables {}
}
