import { api, qs } from '../../app/api/client';
import type { Event, Page } from '../../app/api/types';

export interface AuditFilter {
  username?: string;
  actorId?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  /** ISO date-times. */
  from?: string;
  to?: string;
}

export const ENTITY_TYPES = ['place', 'resident', 'user'] as const;
export const ACTIONS = ['create', 'update', 'move', 'reveal', 'import_roster', 'export_roster', 'sign_in', 'sign_in_failed', 'lock', 'change_password'] as const;

export const auditApi = {
  list: (filter: AuditFilter, limit: number, offset: number) => api.get<Page<Event>>(`/api/audit${qs({ ...filter, limit, offset })}`),
};
