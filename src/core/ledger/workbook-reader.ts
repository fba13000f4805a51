import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { badFile } from './import-rejected.js';
import type { UploadSource } from './upload.js';
import { notWorkbook, openEntry, readDirectory, type ZipEntry } from './workbook-entries.js';
import { core } from '../messages.js';

/**
 * The parsers of ExcelJS 4.4.0's streaming WorkbookReader (pinned in package.json), fed entry by entry. Its own
 * `parse()` cannot be used on uploads: it decodes every chunk on its own, splitting a Chinese character that straddles
 * two chunks, and it copies each sheet to disk until it has seen the shared strings, which Excel writes last.
 */
interface ReaderParts {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<string>, sheetNo: string): Generator<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
  sharedStrings?: unknown[];
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { rId: string }[] };
}

/** What the parts read whole (shared strings, styles) may unpack to; a sheet is read row by row. */
const MAX_PART_BYTES = 64 * 1024 * 1024;
const MAX_SHEET_BYTES = 512 * 1024 * 1024;
const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/** The first sheet's rows, as ExcelJS rows, read as they are unpacked. */
export async function firstSheetRows(source: UploadSource): Promise<AsyncIterable<ExcelJS.Row>> {
  const entries = await readDirectory(source);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit' }) as unknown as ReaderParts;
  if (typeof reader._parseWorksheet !== 'function') throw new Error('exceljs: the streaming reader has changed; see workbook-reader.ts');
  const part = (name: string) => (entries.has(name) ? openEntry(source, entries.get(name)!, MAX_PART_BYTES) : null);
  const workbook = await part('xl/workbook.xml');
  if (!workbook) throw notWorkbook();
  const rels = await part('xl/_rels/workbook.xml.rels');
  if (rels) await reader._parseRels(rels);
  await reader._parseWorkbook(workbook);
  const styles = await part('xl/styles.xml');
  if (styles) await reader._parseStyles(styles);
  const strings = await part('xl/sharedStrings.xml');
  reader.sharedStrings = [];
  if (strings) for await (const _ of reader._parseSharedStrings(strings));
  const sheet = firstSheet(reader, entries);
  const text = await openEntry(source, sheet, MAX_SHEET_BYTES);
  for (const { eventType, value } of reader._parseWorksheet(text, SHEET.exec(sheet.name)![1]!)) if (eventType === 'worksheet') return value;
  throw badFile(core.noSheet);
}

/** The sheet shown first in Excel (the workbook's order), else the lowest-numbered one. */
function firstSheet(reader: ReaderParts, entries: Map<string, ZipEntry>): ZipEntry {
  const rId = reader.model?.sheets?.[0]?.rId;
  const target = reader.workbookRels?.find((r) => r.Id === rId)?.Target;
  const named = target && entries.get(target.replace(/^\/?(xl\/)?/, 'xl/'));
  if (named && SHEET.test(named.name)) return named;
  const sheets = [...entries.values()].filter((e) => SHEET.test(e.name)).sort((a, b) => Number(SHEET.exec(a.name)![1]) - Number(SHEET.exec(b.name)![1]));
  if (!sheets[0]) throw badFile(core.noSheet);
  return sheets[0];
}
