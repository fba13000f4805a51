import { api, ApiError, type BilingualMessage } from '../../app/api/client';

/** What the page asks before exporting. */
export type LedgerParam = 'placeId' | 'month';

/** A ledger some module exports (its manifest's `ledgers`), as GET /api/ledgers lists those the caller may export. */
export interface Ledger {
  key: string;
  module: string;
  title: BilingualMessage;
  /** The export address, with `{placeId}` and `{month}` to fill in. */
  href: string;
  params: LedgerParam[];
}

export type LedgerValues = Partial<Record<LedgerParam, string>>;

/** The address with its parameters filled in, or undefined while one is missing. */
export function ledgerHref(ledger: Ledger, values: LedgerValues): string | undefined {
  if (ledger.params.some((p) => !values[p])) return undefined;
  return ledger.href.replace(/\{(placeId|month)\}/g, (_, p: LedgerParam) => encodeURIComponent(values[p] ?? ''));
}

export const ledgersApi = {
  /** A server without the ledgers route yet answers 404: then there is nothing to list. */
  list: () => api.get<{ items: Ledger[] }>('/api/ledgers').catch((err: unknown) => {
    if (err instanceof ApiError && err.status === 404) return { items: [] };
    throw err;
  }),
};
