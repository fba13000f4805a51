import { api } from '../../app/api/client';
import type { Event } from '../../app/api/types';

export const timelineApi = {
  of: (entityType: string, entityId: string) =>
    api.get<{ items: Event[] }>(`/api/timeline/${encodeURIComponent(entityType)}/${encodeURIComponent(entityId)}`),
};
