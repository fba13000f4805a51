import type { z } from 'zod';
import type { Message } from '../errors.js';

export type LedgerColumnType = 'text' | 'number' | 'percent' | 'date' | 'datetime' | 'enum';

/** A column's own import check: the value, or why the cell is wrong. */
export type LedgerParseFn<T = unknown> = (text: string) => { value: T } | { message: Message };

export interface LedgerColumn<K extends string = string> {
  key: K;
  /** The Chinese header: written on export and matched by text on import, so the column order may differ. */
  header: string;
  type: LedgerColumnType;
  width?: number;
  /** Import: an empty cell is an error. */
  required?: boolean;
  /** Import: at most this many characters. */
  maxLength?: number;
  /** Enum columns: stored value → the label shown; import takes the label or the value. */
  options?: Readonly<Record<string, string>>;
  /** Export: what is written instead of the value (personal data), applied to every non-empty cell. */
  mask?: (value: string) => string;
  /** Import: a further check of the cell after its type, a zod schema or a function. */
  parse?: z.ZodType | LedgerParseFn;
}

/** A ledger (台账) layout, declared once: the export, the template and the import all read it. */
export interface Ledger<C extends readonly LedgerColumn[] = readonly LedgerColumn[]> {
  key: string;
  sheet: string;
  title: Message;
  columns: C;
}

export type LedgerKey<L extends Ledger> = L['columns'][number]['key'];

/** One row handed to the export: values by column key (enum values by their stored value). */
export type LedgerRecord<L extends Ledger> = Partial<Record<LedgerKey<L>, string | number | Date | null | undefined>>;

type ValueOf<C> =
  C extends { parse: z.ZodType<infer T> } ? T
    : C extends { parse: LedgerParseFn<infer T> } ? T
      : C extends { type: 'enum'; options: infer O } ? keyof O & string
        : C extends { type: 'number' | 'percent' } ? number
          : string;

/** One imported row's values after each column's type and checks; empty cells are null. */
export type LedgerValues<L extends Ledger> = { [C in L['columns'][number] as C['key']]: ValueOf<C> | null };

/** An enum column's options from a label table ({ key: { zh, en } }): each stored value with the Chinese the sheet shows. */
export function zhOptions<K extends string>(labels: Readonly<Record<K, { zh: string }>>, keys: readonly K[] = Object.keys(labels) as K[]): Record<K, string> {
  return Object.fromEntries(keys.map((k) => [k, labels[k].zh])) as Record<K, string>;
}

export function defineLedger<const C extends readonly LedgerColumn[]>(ledger: Ledger<C>): Ledger<C> {
  const keys = new Set(ledger.columns.map((c) => c.key));
  if (keys.size !== ledger.columns.length) throw new Error(`ledger ${ledger.key}: column keys repeat`);
  for (const c of ledger.columns) if (c.type === 'enum' && !c.options) throw new Error(`ledger ${ledger.key}: enum column ${c.key} needs options`);
  return ledger;
}
