import type { ServiceSiteKind, ServiceSiteState } from '../../../contracts/service-sites.js';

/** 党群服务中心(站) / 便民服务点, hung on a place; the point is WGS-84 (lng, lat) or none, the outline a GeoJSON Polygon text or none. */
export interface ServiceSiteTable {
  id: string;
  kind: ServiceSiteKind;
  name: string;
  place_id: string;
  place_path: string;
  address: string;
  hours: string;
  services: string;
  lng: number | null;
  lat: number | null;
  outline: string | null;
  state: ServiceSiteState;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ServiceSitesTables {
  service_sites: ServiceSiteTable;
}

declare module '../../core/schema.js' {
  interface Database extends ServiceSitesTables {}
}
