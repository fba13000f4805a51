import { api, qs } from '../../app/api/client';
import type { Role } from '../../../../contracts/roles';
import type { UnitKind } from '../../../../contracts/units';
import type { Page, User } from '../../app/api/types';

export interface RoleInput {
  role: Role;
  placeId: string;
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: RoleInput[];
  /** The department or partner unit a partner_contact works for. */
  unitId?: string;
}

/** An account as the accounts API returns it, with the unit a contact works for. */
export type Account = User & { unitId?: string | null };


export interface UserChanges {
  displayName?: string;
  disabled?: boolean;
  password?: string;
  roles?: RoleInput[];
  /** `null` unlinks the account from its unit. */
  unitId?: string | null;
}

export const accountsApi = {
  list: (q: string, limit: number, offset: number) => api.get<Page<User>>(`/api/users${qs({ q, limit, offset })}`),
  create: (input: NewUser) => api.post<User>('/api/users', input),
  /** The units inside the caller's subtree: the only ones an account may be linked to. */
  linkableUnits: () => api.get<{ items: { id: string; kind: UnitKind; name: string }[] }>('/api/units?within=true'),
  update: (id: string, version: number, changes: UserChanges) => api.patch<User>(`/api/users/${encodeURIComponent(id)}`, { version, ...changes }),
};
