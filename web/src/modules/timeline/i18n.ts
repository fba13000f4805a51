import type { Widen } from '../../app/i18n/types';

/** The timeline and the event-log words every module shares texts; modules/index.ts merges them into the app's catalogues. */
export const zh = {
  timeline: { title: '时间线', empty: '暂无记录', by: '操作人', reason: '理由', system: '系统', resident: '居民', unknownRecord: '(已删除)', textAsTyped: '记录原文' },
  /** What an event's free text is, by step, where it is not a reason. */
  reasonLabel: { dispatch: '备注', redispatch: '备注', rate: '评价意见', decide_extension: '审批意见', merge: '说明', create: '说明', comment: '备注' },
  action: { create: '新建', update: '修改', reveal: '查看个人信息', import: '导入', issue: '签发', revoke: '吊销', set: '设置' },
  field: { name: '名称', address: '地址', field: '字段', state: '状态', note: '说明', eventAt: '记录时间' },
} as const;

export const en: Widen<typeof zh> = {
  timeline: { title: 'Timeline', empty: 'Nothing recorded yet', by: 'By', reason: 'Reason', system: 'System', resident: 'Resident', unknownRecord: '(deleted)', textAsTyped: 'the entry as written' },
  reasonLabel: { dispatch: 'Note', redispatch: 'Note', rate: 'Comment', decide_extension: 'Decision note', merge: 'Note', create: 'Note', comment: 'Note' },
  action: {
    create: 'Created', update: 'Updated', reveal: 'Revealed personal data', import: 'Imported', issue: 'Issued',
    revoke: 'Revoked', set: 'Set',
  },
  field: { name: 'Name', address: 'Address', field: 'Field', state: 'State', note: 'Note', eventAt: 'Entry of' },
};
