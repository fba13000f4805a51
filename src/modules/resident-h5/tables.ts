export interface OneTimeCodeTable {
  id: string;
  phone_index: string;
  code_hash: string;
  attempts: number;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

/** A phone's claim on sending a code: `id` is the phone's blind index; another send waits until `expires_at`. */
export interface OneTimeCodeGateTable {
  id: string;
  sent_at: string;
  expires_at: string;
}

export interface ResidentSessionTable {
  id: string;
  phone_index: string;
  phone_enc: string;
  phone_masked: string;
  created_at: string;
  expires_at: string;
}

export interface ResidentH5Tables {
  one_time_codes: OneTimeCodeTable;
  one_time_code_gates: OneTimeCodeGateTable;
  resident_sessions: ResidentSessionTable;
}

declare module '../../core/schema.js' {
  interface Database extends ResidentH5Tables {}
}
