import type { Widen } from '../../app/i18n/types';

/** The three-rates texts; modules/index.ts merges them into the app's catalogues. */
export const zh = {
  nav: { rates: '三率排名' },
  rates: {
    title: '三率排名', month: '月份', street: '街道', community: '社区', department: '部门', name: '单位', received: '受理量', responded: '按时响应',
    responseRate: '响应率', due: '应办结', resolved: '按时解决', resolutionRate: '解决率', rated: '评价数', satisfied: '满意',
    basicallySatisfied: '基本满意', notSatisfied: '不满意', satisfactionRate: '满意率', score: '综合得分', rank: '排名', export: '导出Excel',
    trend: '{name} 综合得分趋势', ordersBehind: '{name} · {figure}', publicTitle: '接诉即办晾晒排名', notRanked: '本月无可计诉求,不参与排名',
    weights: '权重:响应率 {response}、解决率 {resolution}、满意率 {satisfaction}',
    inProgress: '进行中', inProgressNote: '本月尚未结束:未到办结期限的诉求还未计入解决率', allStreets: '全部街道',
    rankNote: '排名为全区同级单位间的排名',
  },
} as const;

export const en: Widen<typeof zh> = {
  nav: { rates: 'Three rates' },
  rates: {
    title: 'Three rates', month: 'Month', street: 'Streets', community: 'Communities', department: 'Departments', name: 'Office',
    received: 'Received', responded: 'Responded', responseRate: 'Response', due: 'Due', resolved: 'Resolved',
    resolutionRate: 'Resolution', rated: 'Rated', satisfied: 'Satisfied', basicallySatisfied: 'Basically',
    notSatisfied: 'Not satisfied', satisfactionRate: 'Satisfaction', score: 'Score', rank: 'Rank', export: 'Export Excel',
    trend: 'Score trend of {name}', ordersBehind: '{name} · {figure}', publicTitle: 'Public ranking',
    notRanked: 'Nothing to count this month: not ranked',
    weights: 'Weights: response {response}, resolution {resolution}, satisfaction {satisfaction}',
    inProgress: 'In progress', inProgressNote: 'This month is not over: orders not yet due are not in the resolution rate yet',
    allStreets: 'All streets', rankNote: 'Ranks are among all offices of the level in the district',
  },
};
