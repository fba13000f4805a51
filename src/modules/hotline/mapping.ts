import { z } from 'zod';
import type { HotlineColumn } from '../../../contracts/hotline.js';
import { invalid } from '../../core/errors.js';
import { columnLetter, type HeaderCell } from '../../core/ledger/index.js';
import { msg } from '../../core/i18n.js';
import { hotlineMsg } from './messages.js';
import { fieldOfHeader, HOTLINE_FIELDS, MULTI_COLUMN_FIELDS, REQUIRED_FIELDS, templateHeader, type HotlineField } from './synonyms.js';
import { CATEGORY_LEVELS } from './to-demand.js';

/** What staff send back: each header of the file and the field it feeds (null: ignored). */
export const ZHotlineMapping = z.array(z.object({ header: z.string().trim().min(1).max(100), field: z.enum(HOTLINE_FIELDS).nullable() })).max(200);
export type THotlineMapping = z.infer<typeof ZHotlineMapping>;

/**
 * One column of the file as the import will read it, and where its field came from (synonym: the header is one of the
 * field's names; remembered: the source's last import; chosen: sent with this import).
 */
export type MappedColumn = HotlineColumn;

/** The proposal for a file: the remembered mapping when there is one, else each header's synonym (a field's first column only). */
export function proposeMapping(headers: HeaderCell[], remembered?: THotlineMapping): MappedColumn[] {
  const taken = new Set<HotlineField>();
  return headers.map(({ col, text }) => {
    const fromMemory = remembered?.find((m) => m.header === text);
    const field = fromMemory ? fromMemory.field : fieldOfHeader(text) ?? null;
    const free = field && (MULTI_COLUMN_FIELDS.includes(field) || !taken.has(field));
    if (field && free) taken.add(field);
    return { column: columnLetter(col), header: text, field: free ? field : null, matched: free ? (fromMemory ? 'remembered' : 'synonym') : null };
  });
}

/** A mapping sent by staff, checked against the file: every header is in it, a one-column field has one column. */
export function chosenMapping(headers: HeaderCell[], mapping: THotlineMapping): MappedColumn[] {
  for (const m of mapping) {
    if (!headers.some((h) => h.text === m.header)) throw invalid('mapping', msg(hotlineMsg.mappingUnknownHeader, { header: m.header }), 'bad_mapping');
  }
  const columns = headers.map(({ col, text }) => ({ column: columnLetter(col), header: text, field: mapping.find((m) => m.header === text)?.field ?? null, matched: 'chosen' as const }));
  for (const field of HOTLINE_FIELDS) {
    if (!MULTI_COLUMN_FIELDS.includes(field) && columns.filter((c) => c.field === field).length > 1) {
      throw invalid('mapping', msg(hotlineMsg.mappingTwice, { field: { zh: templateHeader(field), en: field } }), 'bad_mapping');
    }
  }
  return columns;
}

/** The required fields no column feeds. */
export const missingFields = (columns: MappedColumn[]) => REQUIRED_FIELDS.filter((f) => !columns.some((c) => c.field === f));

export function assertComplete(columns: MappedColumn[]) {
  const missing = missingFields(columns);
  if (!missing.length) return;
  const fields = { zh: missing.map(templateHeader).join('、'), en: missing.join(', ') };
  throw invalid('mapping', msg(hotlineMsg.mappingIncomplete, { fields }), 'mapping_incomplete');
}

/** A sheet row (cells by column letter) as an order's fields: the category levels joined, any other field its one column. */
export function mappedValues(columns: MappedColumn[], cells: Record<string, string>): Partial<Record<HotlineField, string>> {
  const out: Partial<Record<HotlineField, string>> = {};
  for (const c of columns) {
    const text = cells[c.column] ?? '';
    if (!c.field || text === '') continue;
    out[c.field] = out[c.field] === undefined ? text : `${out[c.field]}${CATEGORY_LEVELS}${text}`;
  }
  return out;
}

/** Where a field sits in the file (its first column), for the per-row report. */
export const columnOfField = (columns: MappedColumn[]) => (field: string) => columns.find((c) => c.field === field)?.column;

/** The mapping as remembered: header → field. */
export const toMapping = (columns: MappedColumn[]): THotlineMapping => columns.map((c) => ({ header: c.header, field: c.field }));
