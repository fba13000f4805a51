import { defineLedger } from '../../core/ledger/index.js';
import { isMasked, mask } from '../../core/personal-data.js';
import { zh } from '../../i18n/zh-CN.js';

/** A value already masked stays as it is; anything else is masked, so no full number can leave in a roster. */
const masked = (kind: 'phone' | 'idNumber') => (value: string) => (isMasked(value) ? value : mask(kind, value));

/** The household roster of a compound: exported masked, imported back (a masked value keeps what is stored). */
export const ROSTER_LEDGER = defineLedger({
  key: 'roster',
  sheet: zh.roster.sheet,
  title: { zh: zh.roster.sheet, en: 'Household roster' },
  columns: [
    { key: 'building', header: zh.roster.building, type: 'text', width: 12, required: true, maxLength: 50 },
    { key: 'household', header: zh.roster.household, type: 'text', width: 10, required: true, maxLength: 50 },
    { key: 'name', header: zh.roster.name, type: 'text', width: 12, required: true, maxLength: 50 },
    { key: 'gender', header: zh.roster.gender, type: 'enum', width: 8, options: zh.gender },
    { key: 'relation', header: zh.roster.relation, type: 'enum', width: 12, required: true, options: zh.relation },
    { key: 'phone', header: zh.roster.phone, type: 'text', width: 16, mask: masked('phone') },
    { key: 'idNumber', header: zh.roster.idNumber, type: 'text', width: 22, mask: masked('idNumber') },
  ],
});

export const ROSTER_LIMITS = { maxRows: 20_000, maxBytes: 10 * 1024 * 1024 };
