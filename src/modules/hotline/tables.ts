/** A named source of 12345 files (e.g. 市12345平台) of one street, with the column mapping its last import used. */
export interface HotlineSourceTable {
  id: string;
  place_id: string;
  place_path: string;
  name: string;
  /** The file's headers in their order (JSON array): a file with the same headers is read by this mapping unasked. */
  headers: string;
  /** JSON array of { header, field } (field null: ignored). */
  mapping: string;
  updated_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface HotlineTables {
  hotline_sources: HotlineSourceTable;
}

declare module '../../core/schema.js' {
  interface Database extends HotlineTables {}
}
