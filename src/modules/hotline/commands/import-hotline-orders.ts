import type { Actor } from '../../../core/access/actor.js';
import { authorize, bindingsAllowed } from '../../../core/access/policy.js';
import type { AppContext } from '../../../core/context.js';
import { isUniqueViolation, type Db, type Trx } from '../../../core/db.js';
import { conflict, invalid, notFound, type Message } from '../../../core/errors.js';
import { yieldIfBusy } from '../../../core/event-loop.js';
import { appendEvent } from '../../../core/events.js';
import { newId } from '../../../core/ids.js';
import { importRejected, type LedgerRowError } from '../../../core/ledger/index.js';
import { describeIssue, isStorable } from '../../../core/validation.js';
import { findPlace } from '../../places/index.js';
import { filedExternalNos, fileDemand, type TFileDemand } from '../../work-orders/index.js';
import { hotlinePolicy } from '../policy.js';
import { ZHotlineOrder } from '../schema.js';
import { createHotlineLookup, toFileDemand, type HotlineLookup } from '../to-demand.js';
import { hotlineMsg } from '../messages.js';

/** Where a field sits in the uploaded sheet (its column letter); JSON imports have none. */
export type ColumnOf = (field: string) => string | undefined;

/** Where an import may file: under `placeId` when given (scope, then role), else every office the caller imports for. */
export async function hotlineImportScope(ctx: AppContext, actor: Actor, placeId: string | undefined): Promise<{ placeId: string; path: string }[]> {
  if (!placeId) return bindingsAllowed(actor, hotlinePolicy, 'import').map((b) => ({ placeId: b.placeId, path: b.placePath }));
  const place = await findPlace(ctx.handle.db, placeId);
  if (!place) throw notFound('place');
  authorize(actor, hotlinePolicy, 'import', place.path, {}, 'place');
  return [{ placeId: place.id, path: place.path }];
}

/**
 * Imports a batch of 12345 orders: every bad row is reported and nothing is written if any row is bad; order numbers
 * already filed (or repeated in the batch) are skipped as duplicates; the rest are filed in one transaction.
 */
export async function importHotlineOrders(
  ctx: AppContext, actor: Actor, scope: { placeId: string; path: string }[], rows: { row: number; values: unknown }[], columnOf: ColumnOf = () => undefined,
  /** More work in the import's transaction (remembering the source's mapping). */
  after?: (trx: Trx) => Promise<void>,
) {
  const { db } = ctx.handle;
  if (rows.length === 0) throw invalid('file', hotlineMsg.noOrders, 'empty_file');
  const { inputs, errors, duplicates } = await prepareRows(db, await createHotlineLookup(db, scope.map((s) => s.path), ctx.config), rows, columnOf);
  if (errors.length) throw importRejected(errors);
  try {
    await db.transaction().execute(async (trx) => {
      const inTrx = { ...ctx, handle: { ...ctx.handle, db: joining(trx) } };
      for (const input of inputs) {
        await yieldIfBusy();
        await fileDemand(inTrx, { staff: actor }, input);
      }
      await after?.(trx);
      await appendEvent(trx, actor, { entityType: 'hotline_import', entityId: newId(), placeId: scope[0]!.placeId, action: 'import', to: { rows: rows.length, created: inputs.length, duplicates } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('file', hotlineMsg.raced, 'import_raced');
    throw error;
  }
  return { created: inputs.length, duplicates };
}

/** Each row as a demand to file, a duplicate to skip, or its errors. */
async function prepareRows(db: Db, lookup: HotlineLookup, rows: { row: number; values: unknown }[], columnOf: ColumnOf) {
  const numbers = rows.map((r) => externalNoOf(r.values)).filter((n): n is string => Boolean(n));
  const filed = await filedExternalNos(db, numbers);
  const errors: LedgerRowError[] = [];
  const fail = (row: number, field: string, message: Message) => errors.push({ row, column: columnOf(field), field, message });
  const inputs: TFileDemand[] = [];
  let duplicates = 0;
  for (const { row, values } of rows) {
    await yieldIfBusy();
    const no = externalNoOf(values);
    if (no && filed.has(no)) {
      duplicates++;
      continue;
    }
    const parsed = ZHotlineOrder.safeParse(values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const { field, message } = describeIssue({ keyword: issue.code, instancePath: `/${issue.path.join('/')}`, message: issue.message, params: issue });
        fail(row, field ?? 'row', message);
      }
      continue;
    }
    const prepared = await toFileDemand(lookup, parsed.data);
    if ('problem' in prepared) fail(row, prepared.problem.field, prepared.problem.message);
    else inputs.push(prepared.input);
    filed.add(parsed.data.externalNo);
  }
  return { inputs, errors, duplicates };
}

const externalNoOf = (values: unknown): string | undefined => {
  const v = (values as { externalNo?: unknown } | null)?.externalNo;
  // An order number no field may hold is never looked up: ZHotlineOrder reports it on its row.
  return (typeof v === 'string' && isStorable(v)) || typeof v === 'number' ? String(v).trim() || undefined : undefined;
};


/** The transaction as a database whose own transaction() joins it, so fileDemand files every order of the batch in it. */
function joining(trx: Trx): Db {
  return new Proxy(trx, {
    get(target, prop) {
      if (prop === 'transaction') return () => ({ execute: <T>(work: (t: Trx) => Promise<T>) => work(target) });
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as unknown as Db;
}
