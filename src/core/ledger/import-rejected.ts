import { AppError, type Message } from '../errors.js';
import { msg, type Entry } from '../i18n.js';
import { core } from '../messages.js';

/** One bad cell or row of an import: the Excel row, the column letter where the file has it, the field, and why. */
export interface LedgerRowError {
  row: number;
  column?: string;
  field: string;
  message: Message;
}

/** Column letters in sheet order (B before AA); errors without a column come last in their row. */
const columnRank = (c: string | undefined) => (c ? [...c].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) : Infinity);

/** 422 `import_rejected` with every error, by row and column: nothing was written. */
export function importRejected(errors: readonly LedgerRowError[]): AppError {
  const sorted = [...errors].sort((a, b) => a.row - b.row || columnRank(a.column) - columnRank(b.column));
  const bad = new Set(sorted.map((e) => e.row)).size;
  return new AppError(422, 'import_rejected', msg(core.importRejected, { bad }), 'file', {
    errors: sorted.map(({ row, column, field, message }) => (column ? { row, column, field, message } : { row, field, message })),
  });
}

export const tooManyRows = (maxRows: number) =>
  new AppError(413, 'too_many_rows', msg(core.tooManyRows, { maxRows }), 'file');

export const tooLarge = (maxBytes: number) => {
  const mb = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
  return new AppError(413, 'too_large', msg(core.fileTooLarge, { mb }), 'file');
};

export const unpacksTooLarge = () =>
  new AppError(413, 'too_large', msg(core.unpacksTooLarge), 'file');

export const badFile = (message: Entry) => new AppError(422, 'bad_file', msg(message), 'file');
