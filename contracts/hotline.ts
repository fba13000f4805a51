/** The fields of a 12345 order that a column of a platform's export may feed (the import dialog's choices). */
export const HOTLINE_FIELDS = [
  'externalNo', 'receivedAt', 'demandType', 'category', 'community', 'compound', 'title', 'description', 'reporterName', 'reporterPhone', 'address',
  'urgency', 'confidential', 'resolveDue',
] as const;
export type HotlineField = (typeof HOTLINE_FIELDS)[number];

/** Fields an import cannot do without (the title, if missing, is the description's beginning). */
export const REQUIRED_HOTLINE_FIELDS: readonly HotlineField[] = ['externalNo', 'receivedAt', 'demandType', 'category', 'description'];

/** One column of an uploaded export as the server proposes (or remembered) to read it. */
export interface HotlineColumn {
  column: string;
  header: string;
  field: HotlineField | null;
  matched: 'synonym' | 'remembered' | 'chosen' | null;
}

/** What the preview answers: the proposal, the required fields no column feeds, and the first rows as read. */
export interface HotlinePreview {
  source: string | null;
  /** The source whose remembered mapping fits these headers: the import then needs no mapping step. */
  remembered: string | null;
  columns: HotlineColumn[];
  missing: HotlineField[];
  total: number;
  preview: { row: number; values: Partial<Record<HotlineField, string>> }[];
  /** The same first rows cell by cell (column letter → text, phone and ID numbers masked). */
  samples: { row: number; cells: Record<string, string> }[];
}

/** A source whose column mapping the offices remember (GET /api/hotline/sources). */
export interface HotlineSource {
  id: string;
  name: string;
  columns: number;
  mapped: number;
  updatedAt: string;
}
