import type { Column } from '../../core/excel.js';
import type { DemandType } from '../work-orders/state.js';

export type HotlineField =
  | 'externalNo' | 'receivedAt' | 'demandType' | 'category' | 'community' | 'compound'
  | 'title' | 'description' | 'reporterName' | 'reporterPhone' | 'address';

/**
 * The 12345 platform's export, as the import reads it and the template writes it. Headers are matched by text,
 * so the column order may differ. 所属社区 takes the community's division code (12 digits) or its name;
 * 诉求分类 takes our category code or name; 来电时间 is China time unless it carries an offset.
 */
export const HOTLINE_COLUMNS: Column<HotlineField>[] = [
  { key: 'externalNo', header: '工单编号', width: 20 },
  { key: 'receivedAt', header: '来电时间', width: 20 },
  { key: 'demandType', header: '诉求类型', width: 10 },
  { key: 'category', header: '诉求分类', width: 14 },
  { key: 'community', header: '所属社区', width: 16 },
  { key: 'compound', header: '小区/地点', width: 16 },
  { key: 'title', header: '标题', width: 24 },
  { key: 'description', header: '诉求内容', width: 40 },
  { key: 'reporterName', header: '来电人', width: 10 },
  { key: 'reporterPhone', header: '联系电话', width: 16 },
  { key: 'address', header: '地址', width: 30 },
];

export const HOTLINE_SHEET = '12345工单';

/** The 12345 platforms' names for the demand types. */
export const DEMAND_TYPE_NAMES: Record<DemandType, string> = {
  consultation: '咨询', help: '求助', complaint: '投诉', report: '举报', suggestion: '建议', praise: '表扬',
};
