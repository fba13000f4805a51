import { api, qs } from '../../app/api/client';
import type { Channel } from '../../../../contracts/work-orders';
import type { PlaceLevel } from '../../../../contracts/places';
import type { PublicRow } from '../rates/api';
import type { Step } from '../work-orders/api';

/** GET /api/workbench: the counts are the work-order list's own, so each card equals the list it opens. */
export interface Workbench {
  place: { id: string; name: string; level: PlaceLevel };
  waiting: { total: number; counts: Partial<Record<Step, number>> };
  overdue: number;
  dueSoon: number;
  today: { day: string; total: number; channels: { channel: Channel; count: number }[] };
  party: { buildingsLackingHead: number };
  rates: { month: string; inProgress: boolean; level: 'street' | 'community'; items: Omit<PublicRow, 'street'>[] };
}

export const workbenchApi = {
  get: (placeId?: string) => api.get<Workbench>(`/api/workbench${qs({ placeId })}`),
};
