import { PassThrough } from 'node:stream';
import type { Ledger } from './define-ledger.js';
import { writeRows } from './export-ledger.js';

/** The empty import template: the header row, each column's format, and dropdowns for the enum columns. */
export async function ledgerTemplate(ledger: Ledger): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve, reject) => out.on('end', resolve).on('error', reject));
  await writeRows(out, ledger, [], [], true);
  await ended;
  return Buffer.concat(chunks);
}
