import { api, qs } from '../../app/api/client';
import type { Page, Role, User } from '../../app/api/types';

export interface RoleInput {
  role: Role;
  placeId: string;
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: RoleInput[];
}

export interface UserChanges {
  displayName?: string;
  disabled?: boolean;
  password?: string;
  roles?: RoleInput[];
}

export const accountsApi = {
  list: (q: string, limit: number, offset: number) => api.get<Page<User>>(`/api/users${qs({ q, limit, offset })}`),
  create: (input: NewUser) => api.post<User>('/api/users', input),
  update: (id: string, version: number, changes: UserChanges) => api.patch<User>(`/api/users/${encodeURIComponent(id)}`, { version, ...changes }),
};
