/** A file (a photo so far) carried by any record: `entity_type`/`entity_id` name the record, as the event log does. */
export interface AttachmentTable {
  id: string;
  entity_type: string;
  entity_id: string;
  /** When in the record's life it was added (a work order's 'report' or 'resolve'). */
  stage: string;
  /** Relative to UPLOAD_DIR. */
  file: string;
  mime: string;
  size: number;
  /** The record's place, and a copy of its path (re-pathed when the place moves). */
  place_id: string;
  place_path: string;
  created_at: string;
}

export interface AttachmentsTables {
  attachments: AttachmentTable;
}

declare module '../../core/schema.js' {
  interface Database extends AttachmentsTables {}
}
