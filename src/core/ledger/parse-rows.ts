import { isStorable } from '../../../contracts/validation.js';
import type { Message } from '../errors.js';
import { yieldIfBusy } from '../event-loop.js';
import { describeIssue } from '../validation.js';
import type { Ledger, LedgerColumn, LedgerKey, LedgerValues } from './define-ledger.js';
import type { LedgerRowError } from './import-rejected.js';
import type { LedgerSheet } from './read-ledger.js';
import { msg } from '../i18n.js';
import { core } from '../messages.js';

type Parsed = { value: unknown } | { message: Message };

export interface ParsedLedger<L extends Ledger> {
  rows: { row: number; values: LedgerValues<L> }[];
  errors: LedgerRowError[];
  /** Adds a row-level error at the column where this file has `field`. */
  fail(row: number, field: LedgerKey<L>, message: Message): void;
}

/**
 * Each cell by its column's type and checks; every bad cell is an error, and the row keeps null there. Gives the event
 * loop a turn now and then: 20,000 rows of seven cells take a while.
 */
export async function parseLedgerRows<L extends Ledger>(sheet: LedgerSheet<LedgerKey<L>>, ledger: L): Promise<ParsedLedger<L>> {
  const errors: LedgerRowError[] = [];
  // In the file's column order, so a row's errors read left to right as the user sees them.
  const at = (c: LedgerColumn) => sheet.columns[c.key as LedgerKey<L>] ?? '';
  const columns = [...ledger.columns].sort((a, b) => at(a).length - at(b).length || at(a).localeCompare(at(b)));
  const rows: ParsedLedger<L>['rows'] = [];
  for (const { row, values: text } of sheet.rows) {
    await yieldIfBusy();
    const values = {} as Record<string, unknown>;
    for (const column of columns) {
      const parsed = parseCell(column, text[column.key as LedgerKey<L>] ?? '');
      if ('message' in parsed) errors.push({ row, column: sheet.columns[column.key as LedgerKey<L>], field: column.key, message: parsed.message });
      values[column.key] = 'value' in parsed ? parsed.value : null;
    }
    rows.push({ row, values: values as LedgerValues<L> });
  }
  const fail = (row: number, field: LedgerKey<L>, message: Message) => {
    errors.push({ row, column: sheet.columns[field], field, message: { zh: message.zh, en: message.en } });
  };
  return { rows, errors, fail };
}

export function parseCell(column: LedgerColumn, text: string): Parsed {
  const name = { zh: column.header, en: column.key };
  if (text === '') return column.required ? { message: msg(core.cellRequired, { column: name }) } : { value: null };
  // A cell may hold any character (_x0000_ in the sheet's XML); those no text field takes are refused here.
  if (!isStorable(text)) return { message: msg(core.cellUnstorable, { column: name }) };
  if (column.maxLength && text.length > column.maxLength) return { message: msg(core.cellTooLong, { column: name }) };
  const typed = byType(column, text);
  if ('message' in typed || !column.parse) return typed;
  if (typeof column.parse === 'function') return column.parse(text);
  const result = column.parse.safeParse(typed.value);
  if (result.success) return { value: result.data };
  const issue = result.error.issues[0]!;
  const { message } = describeIssue({ keyword: issue.code, instancePath: '', message: issue.message, params: issue });
  return { message: issue.message.startsWith('{') ? message : msg(core.cellIssue, { column: name, issue: message }) };
}

function byType(column: LedgerColumn, text: string): Parsed {
  const name = { zh: column.header, en: column.key };
  switch (column.type) {
    case 'number':
    case 'percent': {
      const percent = text.endsWith('%');
      const n = Number(text.replace(/[,%]/g, ''));
      if (!Number.isFinite(n)) return { message: msg(core.cellNumber, { column: name }) };
      return { value: percent ? n / 100 : n };
    }
    case 'date':
    case 'datetime': {
      const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
      if (!m || (column.type === 'date' && m[4]) || !isRealTime(m.slice(1).map((v) => Number(v ?? 0)))) {
        return { message: msg(column.type === 'date' ? core.cellDate : core.cellDatetime, { column: name }) };
      }
      const [y, mo, d, h, mi, s] = m.slice(1).map((v) => String(Number(v ?? 0)).padStart(2, '0'));
      return { value: column.type === 'date' ? `${y}-${mo}-${d}` : `${y}-${mo}-${d} ${h}:${mi}:${s}` };
    }
    case 'enum': {
      const options = Object.entries(column.options ?? {});
      const hit = options.find(([value, label]) => label === text || value === text);
      if (hit) return { value: hit[0] };
      const labels = options.map(([, l]) => l);
      return { message: msg(core.cellOneOf, { column: name, options: { zh: labels.join('、'), en: labels.join(', ') } }) };
    }
    default:
      return { value: text };
  }
}

/** 2026-02-30 or 25:00 are not times. */
function isRealTime([y, mo, d, h, mi, s]: number[]): boolean {
  const at = new Date(Date.UTC(y!, mo! - 1, d!));
  return at.getUTCMonth() === mo! - 1 && at.getUTCDate() === d && h! < 24 && mi! < 60 && s! < 60;
}
