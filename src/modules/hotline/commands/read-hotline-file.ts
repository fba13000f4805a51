import type { AppContext } from '../../../core/context.js';
import { columnLetter, missingHeaders, readSheetRows, type HeaderCell, type UploadSource } from '../../../core/ledger/index.js';
import { HOTLINE_LIMITS } from '../layout.js';
import { chosenMapping, columnOfField, mappedValues, proposeMapping, type MappedColumn, type THotlineMapping } from '../mapping.js';
import { listSources, rememberedFor, type RememberedSource } from '../sources.js';
import { fieldOfHeader, REQUIRED_FIELDS, templateHeader, type HotlineField } from '../synonyms.js';

export interface HotlineFile {
  headers: HeaderCell[];
  columns: MappedColumn[];
  rows: { row: number; values: Partial<Record<HotlineField, string>> }[];
  /** The first rows cell by cell (column letter → text), for the preview. */
  samples: { row: number; cells: Record<string, string> }[];
  /** The source whose remembered mapping was applied. */
  remembered?: RememberedSource;
  columnOf: (field: string) => string | undefined;
}

/** A header row names at least this many fields (or headers a mapping knows): a title row above it does not. */
const MIN_HEADER_HITS = 2;
/** Rows kept cell by cell for the import dialog's preview. */
const SAMPLE_ROWS = 5;

/**
 * Reads a 12345 export as the platform emits it: its header row (below any title rows), then each row by the mapping sent
 * with it, else the one remembered for these headers (for the named source, or any of the offices'), else the synonyms.
 */
export async function readHotlineFile(
  ctx: AppContext, scope: { placeId: string }[], upload: UploadSource, opts: { source?: string; mapping?: THotlineMapping },
): Promise<HotlineFile> {
  const sources = await listSources(ctx.handle.db, scope.map((s) => s.placeId));
  const known = new Set([...(opts.mapping ?? []).map((m) => m.header), ...sources.flatMap((s) => s.headers)]);
  const sheet = await readSheetRows<string>(upload, HOTLINE_LIMITS, (cells) => {
    const hits = cells.filter((c) => fieldOfHeader(c.text) || known.has(c.text)).length;
    return hits >= MIN_HEADER_HITS ? new Map(cells.map((c) => [columnLetter(c.col), c.col])) : null;
  });
  if (!sheet) throw missingHeaders(REQUIRED_FIELDS.map(templateHeader));
  const remembered = opts.mapping ? undefined : rememberedFor(sources, sheet.headers, opts.source);
  const columns = opts.mapping ? chosenMapping(sheet.headers, opts.mapping) : proposeMapping(sheet.headers, remembered?.mapping);
  return {
    headers: sheet.headers, columns, remembered, columnOf: columnOfField(columns),
    rows: sheet.rows.map((r) => ({ row: r.row, values: mappedValues(columns, r.values) })),
    samples: sheet.rows.slice(0, SAMPLE_ROWS).map((r) => ({ row: r.row, cells: r.values })),
  };
}
