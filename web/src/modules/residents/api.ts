import { api, qs } from '../../app/api/client';
import type { Relation } from '../../../../contracts/places';
import type { Page, Resident, Revealed } from '../../app/api/types';

export interface ResidentInput {
  name: string;
  gender?: 'male' | 'female' | null;
  relation: Relation;
  phone?: string;
  idNumber?: string;
}

export const residentsApi = {
  list: (placeId: string, limit: number, offset: number, q?: string) =>
    api.get<Page<Resident>>(`/api/residents${qs({ placeId, q, limit, offset })}`),
  create: (householdId: string, input: ResidentInput) => api.post<Resident>('/api/residents', { householdId, ...input }),
  update: (id: string, version: number, input: Partial<ResidentInput>) =>
    api.patch<Resident>(`/api/residents/${encodeURIComponent(id)}`, { version, ...input }),
  reveal: (id: string, field: 'phone' | 'idNumber', reason: string) =>
    api.post<Revealed>(`/api/residents/${encodeURIComponent(id)}/reveal`, { field, reason }),
};
