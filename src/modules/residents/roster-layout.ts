import type { Column } from '../../core/excel.js';
import { zh } from '../../i18n/zh-CN.js';

export const ROSTER_COLUMNS: Column<'building' | 'household' | 'name' | 'gender' | 'relation' | 'phone' | 'idNumber'>[] = [
  { key: 'building', header: zh.roster.building, width: 12 },
  { key: 'household', header: zh.roster.household, width: 10 },
  { key: 'name', header: zh.roster.name, width: 12 },
  { key: 'gender', header: zh.roster.gender, width: 8 },
  { key: 'relation', header: zh.roster.relation, width: 12 },
  { key: 'phone', header: zh.roster.phone, width: 16 },
  { key: 'idNumber', header: zh.roster.idNumber, width: 22 },
];
