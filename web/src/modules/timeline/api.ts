import { api } from '../../app/api/client';
import type { Event, EventRefs } from '../../app/api/types';

export const timelineApi = {
  of: (entityType: string, entityId: string) =>
    api.get<{ items: Event[]; refs: EventRefs }>(`/api/timeline/${encodeURIComponent(entityType)}/${encodeURIComponent(entityId)}`),
};
