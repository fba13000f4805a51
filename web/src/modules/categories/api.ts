import { api } from '../../app/api/client';
import type { UnitKind } from '../../../../contracts/units';

/** A demand category (诉求分类) as `/api/categories` returns it. */
export interface DemandCategory {
  id: string;
  code: string;
  name: string;
  groupName: string;
  description: string | null;
  defaultUnitId: string | null;
  priority: 'normal' | 'urgent';
  complex: boolean;
  /** Working days to resolve an urgent / a critical demand; null: half / a quarter of the normal time. */
  urgentDays: number | null;
  criticalDays: number | null;
  active: boolean;
  version: number;
}

export interface CategoryInput {
  code?: string;
  name: string;
  groupName: string;
  description?: string;
  defaultUnitId: string | null;
  complex: boolean;
  urgentDays: number | null;
  criticalDays: number | null;
  active?: boolean;
}

export const categoriesApi = {
  list: () => api.get<{ items: DemandCategory[] }>('/api/categories'),
  units: () => api.get<{ items: { id: string; kind: UnitKind; name: string }[] }>('/api/units'),
  create: (input: CategoryInput) => api.post<DemandCategory>('/api/categories', input),
  update: (id: string, version: number, input: CategoryInput) => api.patch<DemandCategory>(`/api/categories/${encodeURIComponent(id)}`, { version, ...input }),
};
