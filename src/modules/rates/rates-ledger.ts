import type { Config } from '../../config.js';
import { defineLedger } from '../../core/ledger/index.js';
import { rateMsg } from './messages.js';

/** The three-rate ranking of a month as a ledger: the rates page's columns in its order, rates as percentages. */
export const RATES_LEDGER = defineLedger({
  key: 'rates',
  sheet: '三率排名',
  title: rateMsg.layoutTitle,
  columns: [
    { key: 'rank', header: '排名', type: 'number', width: 8 },
    { key: 'name', header: '单位', type: 'text', width: 20 },
    { key: 'score', header: '综合得分', type: 'number', width: 10 },
    { key: 'received', header: '受理量', type: 'number', width: 10 },
    { key: 'responded', header: '按时响应', type: 'number', width: 10 },
    { key: 'responseRate', header: '响应率', type: 'percent', width: 10 },
    { key: 'due', header: '应办结', type: 'number', width: 10 },
    { key: 'resolved', header: '按时解决', type: 'number', width: 10 },
    { key: 'resolutionRate', header: '解决率', type: 'percent', width: 10 },
    { key: 'rated', header: '评价数', type: 'number', width: 10 },
    { key: 'satisfied', header: '满意', type: 'number', width: 8 },
    { key: 'basicallySatisfied', header: '基本满意', type: 'number', width: 10 },
    { key: 'notSatisfied', header: '不满意', type: 'number', width: 10 },
    { key: 'satisfactionRate', header: '满意率', type: 'percent', width: 10 },
  ],
});

const LEVEL_NAMES = { street: '街道', community: '社区', department: '部门' } as const;
const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** The lines above the header: where and when, and the weights the score was computed with. */
export function ratesTitleRows(place: string, month: string, inProgress: boolean, level: keyof typeof LEVEL_NAMES, w: Config['rateWeights']): string[] {
  return [
    `${place} ${month}${inProgress ? '(进行中)' : ''} 三率排名(按${LEVEL_NAMES[level]})`,
    `综合得分 = 100 ×(响应率 × ${pct(w.response)} + 解决率 × ${pct(w.resolution)} + 满意率 × ${pct(w.satisfaction)});基本满意按 ${pct(w.basicallySatisfied)} 计入满意率;无可计诉求的单位不参与排名;排名为全区同级单位间的排名`,
  ];
}
