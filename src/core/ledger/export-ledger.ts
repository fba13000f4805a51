import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { FastifyReply } from 'fastify';
import { toCell } from './cells.js';
import type { Ledger, LedgerRecord } from './define-ledger.js';
import { ledgerFileName } from './file-name.js';
import { openLedgerSheet } from './write-sheet.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Rows between two looks at the response: it has to drain before more are made. */
const BATCH = 256;

export interface ExportOptions {
  /** The Chinese file name's parts: place, title, period (see ledgerFileName). */
  fileName: readonly string[];
  /** Lines above the header (place, month, weights), each merged across the columns. */
  titleRows?: readonly string[];
}

/**
 * Streams a ledger as .xlsx straight into the response: each row is zipped and sent as it comes, and the source is
 * not read further while the client is behind, so memory stays flat however many rows there are. Everything that
 * can fail with an error answer (scope, policy, input) must be checked before: from here on the headers are sent.
 * Resolves with the number of rows written.
 */
export async function exportLedger<L extends Ledger>(
  reply: FastifyReply, ledger: L, rows: AsyncIterable<LedgerRecord<L>> | Iterable<LedgerRecord<L>>, options: ExportOptions,
): Promise<number> {
  const out = new PassThrough();
  reply.type(XLSX_TYPE).header('content-disposition', ledgerFileName(options.fileName, ledger.key)).send(out);
  let written = 0;
  try {
    written = await writeRows(out, ledger, rows, options.titleRows);
  } catch (error) {
    // The status line is gone: all that is left is to cut the download short, so the client sees a broken file.
    out.destroy(error as Error);
    throw error;
  }
  return written;
}

/** Writes the workbook into `out` and ends it. */
export async function writeRows<L extends Ledger>(
  out: PassThrough, ledger: L, rows: AsyncIterable<LedgerRecord<L>> | Iterable<LedgerRecord<L>>, titleRows?: readonly string[], dropdowns = false,
): Promise<number> {
  const { workbook, sheet } = openLedgerSheet(out, ledger, titleRows, dropdowns);
  let written = 0;
  for await (const record of rows) {
    sheet.addRow(ledger.columns.map((c) => toCell(c, record[c.key as keyof typeof record]))).commit();
    if (++written % BATCH === 0) await drained(out);
  }
  sheet.commit();
  await workbook.commit();
  return written;
}

/** Lets the zip catch up, then waits while the response is full (a slow client), or until it fails. */
async function drained(out: PassThrough): Promise<void> {
  await nextTurn();
  while (out.writableNeedDrain && !out.destroyed) await Promise.race([once(out, 'drain'), once(out, 'close')]);
  if (out.destroyed) throw new Error('The download was closed before the ledger was written');
}
