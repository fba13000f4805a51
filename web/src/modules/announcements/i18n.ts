import type { Widen } from '../../app/i18n/types';

/** 通知公告 texts; modules/index.ts merges them into the app's catalogues. */
export const zh = {
  nav: { announcements: '通知公告' },
  action: { publish: '发布', withdraw: '撤回', edit: '修改' },
  entity: { announcement: '通知公告' },
  announcement: {
    title: '通知公告', new: '发布通知', newTitle: '新建通知', editTitle: '修改草稿', detailTitle: '通知详情', titleField: '标题', body: '正文', place: '发布范围',
    placeHint: '通知发给所选地点及其下所有网格、小区和居民', office: '发布单位', author: '起草人', state: '状态', publishedAt: '发布时间',
    withdrawnAt: '撤回时间', readers: '已读', readAt: '我已读', unread: '未读', onlyUnread: '只看未读', anyState: '全部状态', empty: '暂无通知',
    searchPlaceholder: '搜索标题', saveDraft: '保存草稿', saved: '草稿已保存', published: '已发布', withdrawn: '已撤回', withdrawReason: '撤回理由',
    receipts: '阅读回执', compound: '小区', community: '社区', households: '户数', householdsRead: '已读户数', readerCount: '已读人数',
    totals: '合计:{households} 户,已读 {householdsRead} 户,{readers} 人已读', noReceipts: '草稿发布后才有阅读回执', export: '导出台账',
    exportHint: '导出所选地点的通知及阅读情况', pickPlace: '选择地点',
    states: { draft: '草稿', published: '已发布', withdrawn: '已撤回' },
    steps: { edit: '修改', publish: '发布', withdraw: '撤回' },
  },
  h5Announcement: {
    title: '社区通知', pickCompound: '选择您居住的小区', household: '房号(可选)', changeCompound: '更换小区', empty: '暂无通知', unread: '未读', read: '已读', from: '发布:{place}',
  },
} as const;

export const en: Widen<typeof zh> = {
  nav: { announcements: 'Notices' },
  action: { publish: 'Published', withdraw: 'Withdrew', edit: 'Edited' },
  entity: { announcement: 'Notice' },
  announcement: {
    title: 'Notices', new: 'New notice', newTitle: 'New notice', editTitle: 'Edit draft', detailTitle: 'Notice', titleField: 'Title', body: 'Text', place: 'Addressed to',
    placeHint: 'The notice reaches the place and every grid, compound and resident below it', office: 'Office', author: 'Written by', state: 'State',
    publishedAt: 'Published', withdrawnAt: 'Withdrawn', readers: 'Read', readAt: 'I read it', unread: 'Unread', onlyUnread: 'Unread only',
    anyState: 'Any state', empty: 'No notices', searchPlaceholder: 'Search titles', saveDraft: 'Save draft', saved: 'Draft saved', published: 'Published',
    withdrawn: 'Withdrawn', withdrawReason: 'Why withdraw', receipts: 'Read receipts', compound: 'Compound', community: 'Community',
    households: 'Households', householdsRead: 'Households read', readerCount: 'Readers',
    totals: 'In all: {households} households, {householdsRead} read, {readers} readers', noReceipts: 'Receipts start once the draft is published',
    export: 'Export ledger', exportHint: 'The notices of the chosen place and who read them', pickPlace: 'Pick a place',
    states: { draft: 'Draft', published: 'Published', withdrawn: 'Withdrawn' },
    steps: { edit: 'Edit', publish: 'Publish', withdraw: 'Withdraw' },
  },
  h5Announcement: {
    title: 'Community notices', pickCompound: 'Pick the compound you live in', household: 'Flat (optional)', changeCompound: 'Change compound', empty: 'No notices', unread: 'Unread',
    read: 'Read', from: 'From {place}',
  },
};
