import type ExcelJS from 'exceljs';
import type { LedgerColumn } from './define-ledger.js';

const CHINA_OFFSET_MS = 8 * 3600_000;

/** Excel's number formats per column type; text columns are '@' so typed phone and ID numbers stay text. */
export const NUMBER_FORMATS: Record<LedgerColumn['type'], string | undefined> = {
  text: '@', enum: '@', number: undefined, percent: '0.0%', date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm:ss',
};

/** What one export cell holds: enum labels, masked personal data, numbers, and dates on China's wall clock. */
export function toCell(column: LedgerColumn, value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  switch (column.type) {
    case 'number':
    case 'percent': {
      const n = Number(value);
      return Number.isFinite(n) ? n : null;
    }
    case 'date':
    case 'datetime':
      return wallClock(column.type, value);
    case 'enum':
      return column.options?.[String(value)] ?? String(value);
    default: {
      const text = value instanceof Date ? value.toISOString() : String(value);
      return column.mask ? column.mask(text) : text;
    }
  }
}

/** Excel has no time zones: an instant is written as the time a clock in China shows; a bare date as that day. */
function wallClock(type: 'date' | 'datetime', value: unknown): Date | null {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
  const at = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(at.getTime())) return null;
  const shifted = new Date(at.getTime() + CHINA_OFFSET_MS);
  return type === 'date' ? new Date(`${shifted.toISOString().slice(0, 10)}T00:00:00Z`) : shifted;
}

/** Any cell as trimmed text: rich text joined, formulas by their result, dates as 2026-11-24 or 2026-11-24 09:30:00. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
  }
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('').trim();
    if ('error' in v) return '';
    if ('result' in v) return cellText((v.result ?? null) as ExcelJS.CellValue);
    if ('text' in v) return cellText(v.text as ExcelJS.CellValue);
    return '';
  }
  return String(v).trim();
}

/** 1 → A, 27 → AA: the column letter Excel shows. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
