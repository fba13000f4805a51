import type { AnnouncementState } from '../../../contracts/announcements.js';

export interface AnnouncementTable {
  id: string;
  title: string;
  body: string;
  /** The place it is addressed to: everyone in its subtree is its audience. */
  place_id: string;
  place_path: string;
  /** The office (street, community or district) whose account wrote it: only that office sees and edits the draft. */
  office_id: string;
  office_path: string;
  state: AnnouncementState;
  author_id: string;
  published_at: string | null;
  withdrawn_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** Who read a notice, once each: a staff account (its user id) or a resident (the blind index of their phone). */
export interface AnnouncementReadTable {
  announcement_id: string;
  reader_kind: 'user' | 'resident';
  reader_key: string;
  /** Where the reader lives or works (a household, the compound they chose, a staff binding's place): receipts count per compound by it. */
  place_id: string;
  place_path: string;
  read_at: string;
}

export interface AnnouncementsTables {
  announcements: AnnouncementTable;
  announcement_reads: AnnouncementReadTable;
}

declare module '../../core/schema.js' {
  interface Database extends AnnouncementsTables {}
}
