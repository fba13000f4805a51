import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { columnLetter, NUMBER_FORMATS } from './cells.js';
import type { Ledger } from './define-ledger.js';

/** The streaming sheet has data validations; ExcelJS's types leave them out. */
type Validated = { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

/** Enum dropdowns reach this far down the sheet in the template. */
const VALIDATED_ROWS = 5000;

/**
 * Opens a streaming workbook on `out` with the ledger's sheet laid out: title rows merged across the columns, then the
 * bold Chinese header row, frozen and filtered. Rows added after this are written out as soon as they are committed.
 */
export function openLedgerSheet(out: Writable, ledger: Ledger, titleRows: readonly string[] = [], dropdowns = false) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'OneGrid';
  const headerRow = titleRows.length + 1;
  const sheet = workbook.addWorksheet(ledger.sheet, { views: [{ state: 'frozen', ySplit: headerRow }] });
  const width = ledger.columns.length;
  sheet.columns = ledger.columns.map((c) => ({ key: c.key, width: c.width ?? 14, style: NUMBER_FORMATS[c.type] ? { numFmt: NUMBER_FORMATS[c.type] } : {} }));
  titleRows.forEach((text, i) => {
    const row = sheet.addRow([text]);
    row.font = { bold: i === 0, size: i === 0 ? 14 : 11 };
    sheet.mergeCells(i + 1, 1, i + 1, width);
    row.commit();
  });
  const header = sheet.addRow(ledger.columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: width } };
  if (dropdowns) {
    ledger.columns.forEach((c, i) => {
      if (c.type !== 'enum' || !c.options) return;
      const letter = columnLetter(i + 1);
      (sheet as unknown as Validated).dataValidations.add(`${letter}${headerRow + 1}:${letter}${headerRow + VALIDATED_ROWS}`, {
        type: 'list', allowBlank: !c.required, formulae: [`"${Object.values(c.options).join(',')}"`],
      });
    });
  }
  return { workbook, sheet };
}
