/** The ledger kit (台账): a layout declared once gives the streamed export, the template and the all-or-nothing import. */
export { defineLedger, zhOptions, type Ledger, type LedgerColumn, type LedgerKey, type LedgerRecord, type LedgerValues } from './define-ledger.js';
export { exportLedger, XLSX_TYPE } from './export-ledger.js';
export { ledgerFileName } from './file-name.js';
export { badFile, importRejected, tooLarge, tooManyRows, type LedgerRowError } from './import-rejected.js';
export { parseLedgerRows, type ParsedLedger } from './parse-rows.js';
export { missingHeaders, readLedgerRows, readSheetRows, type HeaderCell, type ImportLimits, type LedgerSheet } from './read-ledger.js';
export { ledgerTemplate } from './template.js';
export { spoolUpload, type UploadSource } from './upload.js';
export { columnLetter } from './cells.js';
