import type { Widen } from '../../app/i18n/types';

/** The audit log texts; modules/index.ts merges them into the app's catalogues. */
export const zh = {
  nav: { audit: '审计日志' },
  audit: {
    title: '审计日志', actor: '操作人', actorPlaceholder: '用户名或姓名', recordPlaceholder: '工单号或名称', entityType: '记录类型', entityId: '记录编号', action: '操作', timeRange: '时间范围',
    at: '时间', record: '记录', detail: '变更详情', from: '变更前', to: '变更后',
  },
} as const;

export const en: Widen<typeof zh> = {
  nav: { audit: 'Audit log' },
  audit: {
    title: 'Audit log', actor: 'Person', actorPlaceholder: 'Username or name', recordPlaceholder: 'Tracking no. or name', entityType: 'Record type', entityId: 'Record id',
    action: 'Action', timeRange: 'Time range', at: 'Time', record: 'Record', detail: 'Change details', from: 'Before',
    to: 'After',
  },
};
