import type { DemandType } from '../../../contracts/work-orders.js';
import { defineLedger, type LedgerKey } from '../../core/ledger/index.js';
import { hotlineMsg } from './messages.js';

/**
 * The 12345 platform's export, as the import reads it and the template writes it. Headers are matched by text,
 * so the column order may differ. 所属社区 takes the community's division code (12 digits) or its name;
 * 诉求分类 takes our category code or name; 来电时间 is China time unless it carries an offset. Every column is text:
 * the rows are checked by ZHotlineOrder, the same schema as the push and the JSON import.
 */
export const HOTLINE_LEDGER = defineLedger({
  key: 'hotline',
  sheet: '12345工单',
  title: hotlineMsg.ledgerTitle,
  columns: [
    { key: 'externalNo', header: '工单编号', type: 'text', width: 20 },
    { key: 'receivedAt', header: '来电时间', type: 'text', width: 20 },
    { key: 'demandType', header: '诉求类型', type: 'text', width: 10 },
    { key: 'category', header: '诉求分类', type: 'text', width: 14 },
    { key: 'community', header: '所属社区', type: 'text', width: 16 },
    { key: 'compound', header: '小区/地点', type: 'text', width: 16 },
    { key: 'title', header: '标题', type: 'text', width: 24 },
    { key: 'description', header: '诉求内容', type: 'text', width: 40 },
    { key: 'reporterName', header: '来电人', type: 'text', width: 10 },
    { key: 'reporterPhone', header: '联系电话', type: 'text', width: 16 },
    { key: 'address', header: '地址', type: 'text', width: 30 },
  ],
});

export const HOTLINE_COLUMNS = HOTLINE_LEDGER.columns;
export type HotlineField = LedgerKey<typeof HOTLINE_LEDGER>;

/** An import holds at most this many orders, in a file of at most this size. */
export const HOTLINE_LIMITS = { maxRows: 5000, maxBytes: 10 * 1024 * 1024 };

/** The 12345 platforms' names for the demand types. */
export const DEMAND_TYPE_NAMES: Record<DemandType, string> = {
  consultation: '咨询', help: '求助', complaint: '投诉', report: '举报', suggestion: '建议', praise: '表扬',
};

/** How the platforms type a demand type: its name, or the name with 类 (投诉类). */
export const demandTypeSpellings = (name: string) => [name, `${name}类`];
