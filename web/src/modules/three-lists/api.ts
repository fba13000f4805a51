import { api, qs } from '../../app/api/client';
import type { NeedAction, NeedChannel, NeedState, NeedUrgency, ResourceAction, ResourceState, TMemberSuggestion, TSuggestion, ThreeListCategory } from '../../../../contracts/three-lists';
import type { AgreementState, PartnerKind } from '../../../../contracts/units';

export interface Need {
  id: string; title: string; description: string; category: ThreeListCategory; urgency: NeedUrgency; beneficiary: string | null; placeId: string; placeName: string;
  channel: NeedChannel; workOrderId: string | null; state: NeedState; rejectReason: string | null; mergedInto: string | null; unitId: string | null; unitName: string | null; resourceId: string | null;
  resourceTitle: string | null; memberId: string | null; memberName: string | null; declineReason: string | null; deliveryNote: string | null; rating: number | null; ratingComment: string | null; version: number;
  createdAt: string; actions: NeedAction[];
}
export interface NeedDetail extends Need {
  photos: { id: string; stage: string; mime: string }[];
  events: { id: number; action: string; at: string; actorName: string | null; reason: string | null }[];
  maySuggest: boolean;
}
export interface Resource {
  id: string; unitId: string; unitName: string; title: string; description: string; category: ThreeListCategory; capacity: number; remaining: number; placeId: string;
  placeName: string; schedule: string | null; conditions: string | null; state: ResourceState; rejectReason: string | null; version: number; actions: ResourceAction[];
}
export interface PartnerUnit {
  id: string; name: string; partnerKind: PartnerKind | null; placeId: string; placeName: string; contactName: string | null; contactTitle: string | null; version: number;
  agreement: { id: string; termStart: string; termEnd: string; commitments: string; version: number } | null; agreementState: AgreementState;
}
export interface PartnerUnitDetail extends PartnerUnit { files: { id: string; mime: string }[]; may: { edit: boolean; agreement: boolean } }

const form = (fields: Record<string, string>, files: File[]) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  for (const p of files) f.append('photos', p, p.name);
  return f;
};

/** The fields a form filled in (an empty optional one is left out). */
const defined = (body: Record<string, string | undefined>) => Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));

export const threeListsApi = {
  needs: (q: { placeId?: string; state?: NeedState; category?: ThreeListCategory; workOrderId?: string; limit?: number; offset?: number }) => api.get<{ items: Need[]; total: number }>(`/api/needs${qs(q)}`),
  fromWorkOrder: (body: { workOrderId: string; category: ThreeListCategory }) => api.post<Need>('/api/needs/from-work-order', body),
  need: (id: string) => api.get<NeedDetail>(`/api/needs/${id}`),
  report: (body: { title: string; description: string; category: ThreeListCategory; urgency: NeedUrgency; beneficiary?: string; placeId: string }, photos: File[] = []) =>
    api.post<Need>('/api/needs', form(defined(body), photos)),
  members: (id: string) => api.get<{ items: TMemberSuggestion[] }>(`/api/needs/${id}/members`),
  suggestions: (id: string) => api.get<{ items: TSuggestion[] }>(`/api/needs/${id}/suggestions`),
  step: (id: string, action: NeedAction, body: { version: number } & Record<string, unknown>) => api.post<Need>(`/api/needs/${id}/${action}`, body),
  deliver: (id: string, version: number, note: string, photos: File[]) => api.post<Need>(`/api/needs/${id}/deliver`, form({ version: String(version), note }, photos)),
  photoHref: (id: string, fileId: string) => `/api/needs/${id}/photos/${fileId}`,
  resources: (q: { placeId?: string; state?: ResourceState; category?: ThreeListCategory; limit?: number; offset?: number }) => api.get<{ items: Resource[]; total: number }>(`/api/resources${qs(q)}`),
  createResource: (body: { unitId?: string; title: string; description: string; category: ThreeListCategory; capacity: number; placeId: string; schedule?: string; conditions?: string }) => api.post<Resource>('/api/resources', body),
  resourceStep: (id: string, action: ResourceAction, body: { version: number } & Record<string, unknown>) => api.post<Resource>(`/api/resources/${id}/${action}`, body),
  units: (q: { placeId?: string; partnerKind?: PartnerKind; agreement?: AgreementState; q?: string }) => api.get<{ items: PartnerUnit[]; total: number }>(`/api/partner-units${qs(q)}`),
  unit: (id: string) => api.get<PartnerUnitDetail>(`/api/partner-units/${id}`),
  createUnit: (body: { placeId: string; name: string; partnerKind: PartnerKind; contactName?: string; contactTitle?: string }) => api.post<PartnerUnitDetail>('/api/partner-units', body),
  setAgreement: (id: string, body: { version: number; termStart: string; termEnd: string; commitments: string }) => api.put<PartnerUnitDetail>(`/api/partner-units/${id}/agreement`, body),
  uploadAgreement: (id: string, file: File) => api.post<PartnerUnitDetail>(`/api/partner-units/${id}/agreement/files`, form({}, [file])),
  agreementFileHref: (id: string, fileId: string) => `/api/partner-units/${id}/agreement/files/${fileId}`,
  h5Report: (body: { title: string; description: string; category: ThreeListCategory; urgency: NeedUrgency; placeId: string }, photos: File[] = []) =>
    api.post<{ id: string }>('/api/h5/needs', form(body, photos)),
  h5Mine: () => api.get<{ items: Need[] }>('/api/h5/needs'),
  h5Need: (id: string) => api.get<NeedDetail>(`/api/h5/needs/${id}`),
  h5Rate: (id: string, body: { version: number; rating: number; comment?: string }) => api.post<NeedDetail>(`/api/h5/needs/${id}/rate`, body),
};
