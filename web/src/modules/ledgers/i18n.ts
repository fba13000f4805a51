import type { Widen } from '../../app/i18n/types';

/** The ledgers (台账) page's texts; modules/index.ts merges them into the app's catalogues. */
export const zh = {
  nav: { ledgers: '台账' },
  ledger: {
    title: '台账', hint: '您可以导出的台账,选好地点或月份后导出为 Excel。', empty: '暂无可导出的台账', export: '导出Excel',
    month: '月份', pickPlace: '请选择地点',
  },
} as const;

export const en: Widen<typeof zh> = {
  nav: { ledgers: 'Ledgers' },
  ledger: {
    title: 'Ledgers', hint: 'The ledgers you may export: pick a place or a month, then export to Excel.', empty: 'No ledgers to export',
    export: 'Export Excel', month: 'Month', pickPlace: 'Choose a place',
  },
};
