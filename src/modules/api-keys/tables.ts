export interface ApiKeyTable {
  id: string;
  /** sha256 of the key; the key itself is shown once, when issued. */
  key_hash: string;
  name: string;
  place_id: string;
  place_path: string;
  created_by: string | null;
  revoked_at: string | null;
  created_at: string;
}

export interface ApiKeysTables {
  api_keys: ApiKeyTable;
}

declare module '../../core/schema.js' {
  interface Database extends ApiKeysTables {}
}
