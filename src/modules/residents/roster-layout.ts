import { defineLedger } from '../../core/ledger/index.js';
import { maskedColumn as masked } from '../../core/personal-data.js';
import { zh } from '../../i18n/zh-CN.js';

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
