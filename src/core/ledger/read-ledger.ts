import { Readable } from 'node:stream';
import { AppError } from '../errors.js';
import { yieldIfBusy } from '../event-loop.js';
import { clientErrorOf } from '../http.js';
import { cellText, columnLetter } from './cells.js';
import type { Ledger, LedgerKey } from './define-ledger.js';
import { badFile, tooLarge, tooManyRows } from './import-rejected.js';
import { bufferSource, spoolUpload, type UploadSource } from './upload.js';
import { firstSheetRows } from './workbook-reader.js';
import { msg } from '../i18n.js';
import { core } from '../messages.js';

export interface ImportLimits {
  maxRows: number;
  maxBytes: number;
}

/** The first sheet's data rows as text, with where each column sits in this file. */
export interface LedgerSheet<K extends string> {
  /** `row` is the row number Excel shows; rows with nothing in the ledger's columns are left out. */
  rows: { row: number; values: Record<K, string> }[];
  /** Column key → its letter in this file. */
  columns: Record<K, string>;
}

/** The header row is looked for this far down, below any title rows. */
const HEADER_SEARCH_ROWS = 10;

/**
 * Reads a ledger from an upload (a stream, a buffer or an already spooled file) row by row: past `maxBytes` or
 * `maxRows` it stops at once with 413, so a 300,000-row sheet is never parsed whole. Headers are matched by text.
 */
export async function readLedgerRows<L extends Ledger>(
  input: Readable | Buffer | UploadSource, ledger: L, limits: ImportLimits,
): Promise<LedgerSheet<LedgerKey<L>>> {
  const sheet = await readSheetRows<LedgerKey<L>>(input, limits, (cells) => headerIndex(ledger, cells));
  if (!sheet) throw missingHeaders(ledger.columns.map((c) => c.header));
  return sheet;
}

/** One header cell of a sheet: its column number and text. */
export interface HeaderCell {
  col: number;
  text: string;
}

/**
 * Reads the first sheet of an upload within the limits: the header row is the first of the top rows for which `locate`
 * names columns (key → column number); the rows below give those columns' text. Null when no row was a header.
 */
export async function readSheetRows<K extends string>(
  input: Readable | Buffer | UploadSource, limits: ImportLimits, locate: (cells: HeaderCell[]) => Map<K, number> | null,
): Promise<(LedgerSheet<K> & { headers: HeaderCell[] }) | null> {
  const owned = input instanceof Readable ? await spoolUpload(input, limits.maxBytes) : null;
  const source = owned ?? (Buffer.isBuffer(input) ? bufferSource(input, limits.maxBytes) : (input as UploadSource));
  try {
    if (source.size > limits.maxBytes) throw tooLarge(limits.maxBytes);
    return await readFirstSheet(source, limits.maxRows, locate);
  } catch (error) {
    if (error instanceof AppError) throw error;
    // An upload cut short is a broken form (400), not a broken workbook.
    throw clientErrorOf(error) ?? badFile(core.notWorkbook);
  } finally {
    await owned?.remove();
  }
}

async function readFirstSheet<K extends string>(source: UploadSource, maxRows: number, locate: (cells: HeaderCell[]) => Map<K, number> | null) {
  let index: Map<K, number> | null = null;
  let headers: HeaderCell[] = [];
  const rows: LedgerSheet<K>['rows'] = [];
  for await (const row of await firstSheetRows(source)) {
    await yieldIfBusy();
    if (!index) {
      const cells: HeaderCell[] = [];
      row.eachCell((cell, col) => {
        const text = cellText(cell.value);
        if (text) cells.push({ col, text });
      });
      index = locate(cells);
      headers = cells;
      if (!index && row.number >= HEADER_SEARCH_ROWS) break;
      continue;
    }
    const values = {} as Record<K, string>;
    let any = false;
    for (const [key, col] of index) {
      values[key] = cellText(row.getCell(col).value);
      any ||= values[key] !== '';
    }
    if (!any) continue;
    if (rows.length === maxRows) throw tooManyRows(maxRows);
    rows.push({ row: row.number, values });
  }
  if (!index) return null;
  const columns = Object.fromEntries([...index].map(([k, col]) => [k, columnLetter(col)])) as Record<K, string>;
  return { rows, columns, headers };
}

/** The ledger's columns by position if this row holds any of its headers; every header must then be there. */
function headerIndex<K extends string>(ledger: Ledger, cells: HeaderCell[]): Map<K, number> | null {
  const index = new Map<K, number>();
  for (const { col, text } of cells) {
    const column = ledger.columns.find((c) => c.header === text);
    if (column && !index.has(column.key as K)) index.set(column.key as K, col);
  }
  if (index.size === 0) return null;
  const missing = ledger.columns.filter((c) => !index.has(c.key as K)).map((c) => c.header);
  if (missing.length) throw missingHeaders(missing);
  return index;
}

export const missingHeaders = (headers: string[]) => badFile(msg(core.missingHeaders, { headers: { zh: headers.join('、'), en: headers.join(', ') } }));
