import { api, qs } from '../../app/api/client';
import type { ServiceSiteAction, ServiceSiteKind, ServiceSiteState, TServiceSite, TSiteOutline } from '../../../../contracts/service-sites';

export type ServiceSite = TServiceSite & { placeName: string; actions: ServiceSiteAction[] };
export interface SiteFields {
  name: string; address?: string; hours?: string; services?: string; lng?: number | null; lat?: number | null; outline?: TSiteOutline | null;
}
export interface ListQuery { kind?: ServiceSiteKind; state?: ServiceSiteState; q?: string; limit: number; offset: number }

export const serviceSitesApi = {
  list: (q: ListQuery) => api.get<{ items: ServiceSite[]; total: number }>(`/api/service-sites${qs({ ...q })}`),
  create: (body: SiteFields & { kind: ServiceSiteKind; placeId: string }) => api.post<ServiceSite>('/api/service-sites', body),
  step: (id: string, action: ServiceSiteAction, body: { version: number } & Record<string, unknown>) =>
    api.post<ServiceSite>(`/api/service-sites/${id}/${action}`, body),
};
