import { api, qs } from '../../app/api/client';
import type { DemandType, Rating, WorkOrderState } from '../../../../contracts/work-orders';

export interface H5Compound { id: string; name: string; street: { name: string } | null; community: { name: string } | null }
/** The compound the phone's location proposes (GET /api/h5/places/locate). */
export interface H5Located extends H5Compound { distanceMetres: number }
export interface H5Place extends H5Compound { level: 'compound' | 'building'; compound: { id: string; name: string } | null; children: { id: string; name: string; level: string }[] }
export interface H5Category { id: string; name: string; groupName: string }
export interface H5DemandItem { id: string; trackingNo: string; title: string; state: WorkOrderState; categoryName: string; receivedAt: string }
export interface H5Step { at: string; step: string; state: string | null; result?: string; reason?: string; rating?: Rating | null; comment?: string | null; reopened?: boolean }
export interface H5Demand {
  id: string;
  trackingNo: string;
  title: string;
  description: string;
  demandType: DemandType;
  category: { name: string | null };
  place: { name: string | null };
  state: WorkOrderState;
  receivedAt: string;
  result: string | null;
  rating: Rating | null;
  reopenCount: number;
  canRate: boolean;
  version: number;
  photos: { id: string; stage: string; url: string }[];
  timeline: H5Step[];
}
export interface H5DemandInput { categoryId: string; placeId: string; demandType: DemandType; title: string; description: string }

export const h5Api = {
  me: () => api.get<{ phoneMasked: string }>('/api/h5/me'),
  sendCode: (phone: string) => api.post<{ sent: boolean }>('/api/h5/code', { phone }),
  login: (phone: string, code: string) => api.post<{ phoneMasked: string }>('/api/h5/login', { phone, code }),
  logout: () => api.post('/api/h5/logout'),
  searchPlaces: (q: string) => api.get<{ items: H5Compound[] }>(`/api/h5/places${qs({ q })}`),
  locate: (lat: number, long: number) => api.get<H5Located>(`/api/h5/places/locate${qs({ lat, long })}`),
  place: (id: string) => api.get<H5Place>(`/api/h5/places/${id}`),
  categories: () => api.get<{ items: H5Category[] }>('/api/h5/categories'),
  file: (input: H5DemandInput, photos: File[]) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(input)) form.append(k, v);
    for (const p of photos) form.append('photos', p, p.name);
    return api.post<{ id: string; trackingNo: string }>('/api/h5/demands', form);
  },
  list: () => api.get<{ items: H5DemandItem[]; total: number }>('/api/h5/demands?limit=50'),
  get: (id: string) => api.get<H5Demand>(`/api/h5/demands/${id}`),
  rate: (id: string, body: { version: number; rating: Rating; comment?: string }) => api.post<H5Demand>(`/api/h5/demands/${id}/rate`, body),
};
