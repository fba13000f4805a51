import { api, qs } from '../../app/api/client';
import type { CompoundType, PlaceLevel } from '../../../../contracts/places';
import type { Page, Place, Revealed } from '../../app/api/types';

export type PlaceAction = 'create' | 'update' | 'move' | 'reveal' | 'exportRoster' | 'importRoster';
export type Counts = Record<'district' | 'street' | 'community' | 'grid' | 'compound' | 'building' | 'household' | 'residents', number>;

export interface PlaceDetail {
  place: Place;
  ancestors: { id: string; name: string; level: PlaceLevel }[];
  counts: Counts;
  actions: PlaceAction[];
}

export type FoundPlace = Place & { trail: string };

export interface PlaceInput {
  name: string;
  compoundType?: CompoundType;
  threeNo?: boolean;
  address?: string;
}

export interface RosterResult {
  created: { buildings: number; households: number; residents: number };
  updated: number;
}

/** One child on a place's map (GET /api/places/{id}/map): its geometry and its unresolved and overdue work orders. */
export interface MapFeature {
  type: 'Feature';
  id: string;
  properties: { placeId: string; name: string; level: PlaceLevel; open?: number; overdue?: number };
  geometry: { type: 'Polygon' | 'MultiPolygon' | 'Point'; coordinates: unknown };
}
export interface PlaceMap {
  place: { id: string; name: string; level: PlaceLevel };
  outline: MapFeature | null;
  map: { type: 'FeatureCollection'; features: MapFeature[] };
  unmapped: { placeId: string; name: string; open: number; overdue: number }[];
}

/** The level a new child of a place gets; districts, streets and communities come from the official codes. */
export const CHILD_LEVEL: Partial<Record<PlaceLevel, PlaceLevel>> = {
  community: 'grid', grid: 'compound', compound: 'building', building: 'household',
};

/** How many children the tree fetches per place. */
export const TREE_PAGE = 500;

/** The GET addresses of the place tree, shared by the page and the start-up prefetch (prefetch.ts). */
export const placeUrls = {
  roots: '/api/places/roots',
  detail: (id: string) => `/api/places/${encodeURIComponent(id)}`,
  children: (id: string, limit: number, offset: number) => `/api/places/${encodeURIComponent(id)}/children${qs({ limit, offset })}`,
};

export const placesApi = {
  roots: () => api.get<{ items: Place[] }>(placeUrls.roots),
  search: (q: string, level?: PlaceLevel, limit = 20) => api.get<{ items: FoundPlace[] }>(`/api/places/search${qs({ q, level, limit })}`),
  detail: (id: string) => api.get<PlaceDetail>(placeUrls.detail(id)),
  children: (id: string, limit: number, offset: number) => api.get<Page<Place>>(placeUrls.children(id, limit, offset)),
  create: (parentId: string, level: PlaceLevel, input: PlaceInput) => api.post<Place>('/api/places', { parentId, level, ...input }),
  update: (id: string, version: number, input: Partial<PlaceInput> & { reason?: string }) =>
    api.patch<Place>(`/api/places/${encodeURIComponent(id)}`, { version, ...input }),
  move: (id: string, version: number, newParentId: string, reason: string) =>
    api.post<Place>(`/api/places/${encodeURIComponent(id)}/move`, { version, newParentId, reason }),
  revealAddress: (id: string, reason: string) => api.post<Revealed>(`/api/places/${encodeURIComponent(id)}/reveal`, { field: 'address', reason }),
  map: (id: string) => api.get<PlaceMap>(`/api/places/${encodeURIComponent(id)}/map`),
  rosterXlsxUrl: (id: string) => `/api/places/${encodeURIComponent(id)}/roster.xlsx`,
  rosterUrl: (id: string) => `/api/places/${encodeURIComponent(id)}/roster`,
};
