import { defineMessages } from '../../core/i18n.js';

/** The three rates' messages; the ledger's headers and title rows are data of its layout (rates-ledger.ts). */
export const rateMsg = defineMessages({
  ledgerTitle: { zh: '三率排名表', en: 'Three rates ranking' },
  layoutTitle: { zh: '三率排名', en: 'Three-rate ranking' },
  badMonth: { zh: '月份格式应为 YYYY-MM', en: 'Month must be YYYY-MM' },
});
