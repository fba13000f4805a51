import { api, qs } from '../../app/api/client';
import type { AnnouncementAction, AnnouncementState } from '../../../../contracts/announcements';

export interface Announcement {
  id: string;
  title: string;
  body?: string;
  placeId: string;
  officeId: string;
  state: AnnouncementState;
  publishedAt: string | null;
  withdrawnAt: string | null;
  version: number;
  createdAt: string;
}
export interface AnnouncementItem extends Announcement { placeName: string; readAt: string | null; readers: number }
export interface AnnouncementDetail {
  announcement: Announcement & { body: string };
  placeName: string | null;
  officeName: string | null;
  authorName: string | null;
  readAt: string | null;
  actions: AnnouncementAction[];
}
export interface CompoundReceipt { compoundId: string; name: string; community: string | null; households: number; householdsRead: number; readers: number }
export interface Receipts { items: CompoundReceipt[]; total: number; totals: { households: number; householdsRead: number; readers: number } }
export interface H5Announcement { id: string; title: string; body: string; publishedAt: string; placeName: string; readAt: string | null }
export interface AnnouncementDraft { title: string; body: string; placeId: string }
export interface ListQuery { state?: AnnouncementState; q?: string; unread?: boolean; limit: number; offset: number }

export const announcementsApi = {
  list: (q: ListQuery) => api.get<{ items: AnnouncementItem[]; total: number }>(`/api/announcements${qs({ ...q, unread: q.unread || undefined })}`),
  get: (id: string) => api.get<AnnouncementDetail>(`/api/announcements/${id}`),
  create: (draft: AnnouncementDraft) => api.post<Announcement & { actions: AnnouncementAction[] }>('/api/announcements', draft),
  step: (id: string, action: AnnouncementAction, body: { version: number } & Record<string, unknown>) =>
    api.post<Announcement & { actions: AnnouncementAction[] }>(`/api/announcements/${id}/${action}`, body),
  read: (id: string) => api.post<{ readAt: string }>(`/api/announcements/${id}/read`),
  receipts: (id: string, limit: number, offset: number) => api.get<Receipts>(`/api/announcements/${id}/receipts${qs({ limit, offset })}`),
  exportHref: (placeId: string) => `/api/announcements.xlsx${qs({ placeId })}`,
  h5List: (placeId: string) => api.get<{ items: H5Announcement[]; total: number }>(`/api/h5/announcements${qs({ placeId, limit: 50 })}`),
  h5Read: (id: string, placeId: string) => api.post<{ readAt: string }>(`/api/h5/announcements/${id}/read`, { placeId }),
};
