import ExcelJS from 'exceljs';
import { AppError } from './errors.js';

export interface Column<K extends string> {
  key: K;
  header: string;
  width?: number;
}

/** One sheet with Chinese headers, a frozen header row and an auto filter. */
export async function writeSheet<K extends string>(sheetName: string, columns: Column<K>[], rows: Record<K, string | number | null>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'OneGrid';
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ key: c.key, header: c.header, width: c.width ?? 14 }));
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface SheetRow<K extends string> {
  /** The row number as Excel shows it. */
  row: number;
  values: Record<K, string>;
}

const badFile = (zh: string, en: string) => new AppError(422, 'bad_file', { zh, en }, 'file');

/** Reads the first sheet; headers are matched by text, so column order may differ. Every cell comes back as trimmed text. */
export async function readSheet<K extends string>(data: Buffer, columns: Column<K>[], maxRows = 20000): Promise<SheetRow<K>[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw badFile('文件不是有效的 .xlsx 表格', 'The file is not a valid .xlsx workbook');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw badFile('表格中没有工作表', 'The workbook has no sheet');
  const header = ws.getRow(1);
  const index = new Map<K, number>();
  header.eachCell((cell, col) => {
    const c = columns.find((c) => c.header === cellText(cell.value));
    if (c) index.set(c.key, col);
  });
  const missing = columns.filter((c) => !index.has(c.key));
  if (missing.length) {
    throw badFile(`缺少表头:${missing.map((c) => c.header).join('、')}`, `Missing header(s): ${missing.map((c) => c.header).join(', ')}`);
  }
  if (ws.rowCount - 1 > maxRows) throw badFile(`一次最多导入 ${maxRows} 行`, `At most ${maxRows} rows per import`);
  const rows: SheetRow<K>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const values = {} as Record<K, string>;
    for (const c of columns) values[c.key] = cellText(row.getCell(index.get(c.key)!).value);
    if (Object.values<string>(values).some((v) => v !== '')) rows.push({ row: n, values });
  });
  return rows;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('').trim();
    if ('text' in v) return String(v.text).trim();
    if ('result' in v) return String(v.result ?? '').trim();
    if (v instanceof Date) {
      const iso = v.toISOString();
      return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
    }
  }
  return String(v).trim();
}
