import { api, ApiError, qs } from '../../app/api/client';
import type { PlaceLevel } from '../../../../contracts/places';

export type Crs = 'WGS84' | 'GCJ02';
interface Bilingual { zh: string; en: string }

/** What `POST /api/places/geometry/preview` answers, and a refused import carries as `report`. */
export interface GeometryImportReport {
  crs: Crs;
  matched: { index: number; ref: string; placeId: string; name: string; level: PlaceLevel; changed: boolean }[];
  unmatched: { index: number; ref: string | null; message: Bilingual }[];
  invalid: { index: number; ref: string | null; placeId: string | null; code: string; field: string; message: Bilingual }[];
  overlaps: SiblingOverlap[];
}
/** A boundary over a neighbour's ground: warned by the import's preview and by the editor's save, never refused. */
export interface SiblingOverlap { placeId: string; siblingId: string; siblingName: string; squareMetres: number }
export interface GeometryImportResult { changed: number; unchanged: number; report: GeometryImportReport }

/** A refused request with the body it came with (a refused import's report is in it). */
export class GeometryApiError extends ApiError {
  constructor(status: number, code: string, messages: Bilingual | null, readonly body: Record<string, unknown> | null) {
    super(status, code, messages);
  }
}

/**
 * POSTs a JSON body with upload progress (fetch cannot report it, XHR can): a district's boundaries run to megabytes.
 */
export function postJsonWithProgress<T>(url: string, text: string, hooks: { onProgress: (percent: number) => void; onUploaded: () => void }): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', 'application/json');
    xhr.upload.onprogress = (e) => e.lengthComputable && hooks.onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.upload.onload = () => hooks.onUploaded();
    xhr.onerror = () => reject(new ApiError(0, 'network', null));
    xhr.onload = () => {
      let body: Record<string, unknown> | null = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else {
        const message = body?.message && typeof body.message === 'object' ? (body.message as Bilingual) : null;
        reject(new GeometryApiError(xhr.status, typeof body?.code === 'string' ? body.code : `http_${xhr.status}`, message, body));
      }
    };
    xhr.send(text);
  });
}

/** A place's stored geometry (GET /api/places/{id}/geometry), WGS-84; `kind` null when it has none. */
export interface PlaceGeometry {
  placeId: string;
  version: number;
  kind: 'boundary' | 'point' | null;
  geometry: { type: 'Polygon' | 'MultiPolygon' | 'Point'; coordinates: unknown } | null;
  outline: { type: 'Polygon'; coordinates: unknown } | null;
}

export const geometryApi = {
  get: (id: string) => api.get<PlaceGeometry>(`/api/places/${encodeURIComponent(id)}/geometry`),
  previewUrl: (crs: Crs) => `/api/places/geometry/preview${qs({ crs })}`,
  importUrl: (crs: Crs) => `/api/places/geometry/import${qs({ crs })}`,
};
