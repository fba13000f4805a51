import { api, qs } from '../../app/api/client';
import type { Event, EventRefs, Page } from '../../app/api/types';

export interface AuditFilter {
  username?: string;
  actorId?: string;
  entityType?: string;
  entityId?: string;
  /** A record by what people call it: a tracking number, a place's or a person's name. */
  record?: string;
  action?: string;
  order?: 'asc' | 'desc';
  /** ISO date-times. */
  from?: string;
  to?: string;
}

export const ENTITY_TYPES = ['work_order', 'place', 'resident', 'user', 'announcement'] as const;
export const ACTIONS = [
  'create', 'update', 'move', 'reveal', 'import_roster', 'export_roster', 'sign_in', 'sign_in_failed', 'lock', 'change_password',
  'file', 'accept', 'dispatch', 'recall', 'redispatch', 'take', 'resolve', 'follow_up', 'rate',
] as const;

export const auditApi = {
  list: (filter: AuditFilter, limit: number, offset: number) => api.get<Page<Event> & { refs: EventRefs }>(`/api/audit${qs({ ...filter, limit, offset })}`),
};
