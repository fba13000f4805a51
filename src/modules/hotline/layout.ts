import { DEMAND_TYPES, WORK_ORDER_VALUE_LABELS, type DemandType } from '../../../contracts/work-orders.js';
import { defineLedger, zhOptions } from '../../core/ledger/index.js';
import { hotlineMsg } from './messages.js';
import { templateHeader as h } from './synonyms.js';

/**
 * Our template of a 12345 export (its headers are the first synonym of each field, synonyms.ts); the import also reads the
 * platform's own exports by their headers' synonyms, or by a mapping staff corrected once (mapping.ts). 所属社区 takes the
 * community's division code (12 digits) or its name; 诉求分类 takes our category code or name (or one per level: 一级分类…);
 * 来电时间 and 办结时限 are China time unless they carry an offset. Every column is text:
 * the rows are checked by ZHotlineOrder, the same schema as the push and the JSON import.
 */
export const HOTLINE_LEDGER = defineLedger({
  key: 'hotline',
  sheet: '12345工单',
  title: hotlineMsg.ledgerTitle,
  columns: [
    { key: 'externalNo', header: h('externalNo'), type: 'text', width: 20 },
    { key: 'receivedAt', header: h('receivedAt'), type: 'text', width: 20 },
    { key: 'demandType', header: h('demandType'), type: 'text', width: 10 },
    { key: 'category', header: h('category'), type: 'text', width: 14 },
    { key: 'community', header: h('community'), type: 'text', width: 16 },
    { key: 'compound', header: h('compound'), type: 'text', width: 16 },
    { key: 'title', header: h('title'), type: 'text', width: 24 },
    { key: 'description', header: h('description'), type: 'text', width: 40 },
    { key: 'reporterName', header: h('reporterName'), type: 'text', width: 10 },
    { key: 'reporterPhone', header: h('reporterPhone'), type: 'text', width: 16 },
    { key: 'address', header: h('address'), type: 'text', width: 30 },
    { key: 'urgency', header: h('urgency'), type: 'text', width: 10 },
    { key: 'confidential', header: h('confidential'), type: 'text', width: 10 },
    { key: 'resolveDue', header: h('resolveDue'), type: 'text', width: 20 },
  ],
});

export const HOTLINE_COLUMNS = HOTLINE_LEDGER.columns;
export type { HotlineField } from './synonyms.js';

/** An import holds at most this many orders, in a file of at most this size. */
export const HOTLINE_LIMITS = { maxRows: 5000, maxBytes: 10 * 1024 * 1024 };

/** The 12345 platforms' names for the demand types: the platform's own words (咨询, 投诉…). */
export const DEMAND_TYPE_NAMES: Record<DemandType, string> = zhOptions(WORK_ORDER_VALUE_LABELS.demandTypes, DEMAND_TYPES);

/** How the platforms type a demand type: its name, or the name with 类 (投诉类). */
export const demandTypeSpellings = (name: string) => [name, `${name}类`];
