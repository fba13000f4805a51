import type { Role } from '../../core/access/roles.js';

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  /** The place the account hangs on (its first role's place): who may see and manage it. */
  place_id: string;
  place_path: string;
  failed_logins: number;
  locked_until: string | null;
  disabled: number;
  locale: string;
  /** The department or partner unit a contact works for. */
  unit_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface RoleBindingTable {
  id: string;
  user_id: string;
  role: Role;
  place_id: string;
  created_at: string;
}

export interface SessionTable {
  /** sha256 of the cookie token; the token itself is never stored. */
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface AccountsTables {
  users: UserTable;
  role_bindings: RoleBindingTable;
  sessions: SessionTable;
}

declare module '../../core/schema.js' {
  interface Database extends AccountsTables {}
}
