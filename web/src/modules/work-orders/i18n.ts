import type { Widen } from '../../app/i18n/types';

/** The work-order (接诉即办) texts; modules/index.ts merges them into the app's catalogues. */
export const zh = {
  nav: { workOrders: '接诉即办' },
  action: {
    file: '登记', accept: '受理', dispatch: '派单', recall: '撤回派单', redispatch: '改派', take: '接单', resolve: '办结', rate: '评价', follow_up: '回访', supervise: '督办',
    call_in: '吹哨', return: '退单', contact: '联系居民', reject: '不予受理', answer: '直接答复', report_in: '报到', request_extension: '申请延期',
    decide_extension: '审批延期', merge: '合并重复诉求', add_photos: '上传照片', overdue: '超期', comment: '外部系统备注',
  },
  field: {
    result: '办理结果', rating: '评价', mergedInto: '并入工单', trackingNo: '工单号', days: '延期天数', approved: '批准', resolveDue: '办结时限',
    units: '召集单位', supervised: '督办', reopened: '重办', stage: '阶段', photoIds: '照片', assignee: '承办',
    reason: '理由', comment: '评价意见', unitIds: '召集单位', approve: '审批意见', requestId: '延期申请', intoId: '并入工单', categoryId: '分类',
    demandType: '诉求类型',
  },
  /** Where a step names a field its own way (field.<name> otherwise). */
  stepField: { report_in: { note: '本单位承办情况' }, contact: { note: '联系情况' }, follow_up: { note: '回访情况' } },
  workOrder: {
    pageTitle: '接诉即办', inbox: '工单', mine: '待我处理', all: '全部', overdue: '超期', file: '登记诉求', fileTitle: '登记诉求', trackingNo: '工单号',
    externalNo: '12345工单号', channel: '渠道', demandType: '诉求类型', category: '分类', place: '地点', state: '状态', light: '时限', title: '标题',
    description: '问题描述', address: '地址', reporterName: '反映人', reporterPhone: '联系电话', receivedAt: '受理时间', resolveDue: '办结时限',
    assignee: '承办', result: '办理结果', rating: '评价', supervised: '督办', reopened: '重办 {count} 次',
    filters: '筛选', anyState: '全部状态', anyCategory: '全部分类', anyChannel: '全部渠道', searchPlaceholder: '标题或工单号', empty: '暂无工单',
    filed: '已登记,工单号 {trackingNo}', done: '操作成功', stale: '工单已被他人更新,已重新加载', units: '吹哨报到单位', extensions: '延期申请', photos: '照片',
    timeline: '办理过程', detail: '工单详情', unitKind: '部门/单位', userKind: '人员', assigneeKind: '派给',
    approve: '同意', refuse: '不同意', intoHint: '输入标题或工单号搜索,重复诉求将并入所选工单', mergedInto: '已并入', duplicates: '并入的重复诉求', workingDays: '个工作日',
    extensionHint: '当前办结时限 {due}', extensionDays: '延期 {days} 个工作日',
    unitKinds: { department: '部门', partner_unit: '共建单位' }, notReported: '未报到', unitsPending: '还有被召集单位未报到:{units}。全部报到后才能办结。',
    photoStage: { report: '上报照片', resolve: '办理照片' }, addPhotos: '添加办理照片', photosAdded: '照片已上传', photosLeft: '还可上传 {count} 张',
    pickPhotos: '请选择照片', loadMore: '加载更多', noPhotos: '暂无照片,办理时可随时添加', reportedAt: '已报到', calledAt: '吹哨时间',
    notifications: '消息', noNotifications: '暂无消息', revealPhone: '联系电话', pickPlace: '搜索小区、楼栋或网格', resolvePhotos: '办结照片',
    upload: '上传照片', lights: { green: '正常', yellow: '临期', red: '超期' },
    extensionState: { pending: '待审批', approved: '已同意', refused: '未同意' },
  },
  workOrderState: {
    received: '待受理', accepted: '已受理', dispatched: '已派单', taken: '办理中', resolved: '已办结', followed_up: '已回访', closed: '已关闭',
    rejected: '已退回', merged: '已合并',
  },
  channel: {
    hotline_12345: '12345热线', h5: '居民H5', mailbox: '楼长信箱', grid_patrol: '网格巡查', wechat_group: '微信群', walk_in: '来访',
    open311: 'Open311',
  },
  demandType: { consultation: '咨询', help: '求助', complaint: '投诉', report: '举报', suggestion: '建议', praise: '表扬' },
  rating: { satisfied: '满意', basically_satisfied: '基本满意', not_satisfied: '不满意' },
} as const;

export const en: Widen<typeof zh> = {
  nav: { workOrders: 'Work orders' },
  action: {
    file: 'Filed', accept: 'Accepted', dispatch: 'Dispatched', recall: 'Recalled', redispatch: 'Re-dispatched', take: 'Taken', resolve: 'Resolved', rate: 'Rated',
    follow_up: 'Followed up', supervise: 'Supervised', call_in: 'Called in', return: 'Returned', contact: 'Contacted',
    reject: 'Rejected', answer: 'Answered', report_in: 'Reported in', request_extension: 'Requested an extension',
    decide_extension: 'Decided on the extension', merge: 'Merged as a duplicate', add_photos: 'Added photos',
    overdue: 'Went overdue', comment: 'Outside system note',
  },
  field: {
    result: 'Result', rating: 'Rating', mergedInto: 'Merged into', trackingNo: 'Tracking no.', days: 'Extra days',
    approved: 'Approved', resolveDue: 'Resolve by', units: 'Called-in units', supervised: 'Supervised', reopened: 'Reopened',
    stage: 'Stage', photoIds: 'Photos', assignee: 'Assignee', reason: 'Reason', comment: 'Comment', unitIds: 'Units to call in',
    approve: 'Decision', requestId: 'Extension request', intoId: 'Merge into', categoryId: 'Category', demandType: 'Demand type',
  },
  stepField: { report_in: { note: 'What your unit did' }, contact: { note: 'How the resident was contacted' }, follow_up: { note: 'Follow-up note' } },
  workOrder: {
    pageTitle: 'Respond on receipt', inbox: 'Work orders', mine: 'Waiting on me', all: 'All', overdue: 'Overdue',
    file: 'File a demand', fileTitle: 'File a demand', trackingNo: 'Tracking no.', externalNo: '12345 order no.',
    channel: 'Channel', demandType: 'Demand type', category: 'Category', place: 'Place', state: 'State', light: 'Deadline',
    title: 'Title', description: 'Description', address: 'Address', reporterName: 'Reporter', reporterPhone: 'Phone',
    receivedAt: 'Received', resolveDue: 'Resolve by', assignee: 'Assignee', result: 'Result', rating: 'Rating',
    supervised: 'Supervised', reopened: 'Reopened {count}×', filters: 'Filters', anyState: 'Any state',
    anyCategory: 'Any category', anyChannel: 'Any channel', searchPlaceholder: 'Title or tracking no.', empty: 'No work orders',
    filed: 'Filed as {trackingNo}', done: 'Done', stale: 'Someone else changed this order; reloaded', units: 'Called-in units',
    extensions: 'Extension requests', photos: 'Photos', timeline: 'Timeline', detail: 'Work order', unitKind: 'Unit',
    userKind: 'Person', assigneeKind: 'Dispatch to', approve: 'Approve', refuse: 'Refuse',
    intoHint: 'Search by title or tracking no.; the duplicate goes into the order chosen',
    mergedInto: 'Merged into', duplicates: 'Duplicates merged in', workingDays: 'working days', extensionHint: 'Now due {due}',
    extensionDays: '{days} more working days',
    unitKinds: { department: 'Departments', partner_unit: 'Partner units' }, notReported: 'Not reported in',
    unitsPending: 'Called-in units yet to report in: {units}. The order can be resolved once all have.',
    photoStage: { report: 'Reported', resolve: 'Work done' }, addPhotos: 'Add photos of the work', photosAdded: 'Photos uploaded',
    photosLeft: '{count} more allowed', pickPhotos: 'Pick a photo', loadMore: 'Load more',
    noPhotos: 'No photos yet; add them as the work goes on', reportedAt: 'Reported in', calledAt: 'Called in',
    notifications: 'Notifications', noNotifications: 'No notifications', revealPhone: 'Phone',
    pickPlace: 'Search a compound, building or grid', resolvePhotos: 'Resolution photos', upload: 'Upload photos',
    lights: { green: 'On time', yellow: 'Due soon', red: 'Overdue' },
    extensionState: { pending: 'Pending', approved: 'Approved', refused: 'Refused' },
  },
  workOrderState: {
    received: 'Received', accepted: 'Accepted', dispatched: 'Dispatched', taken: 'In progress', resolved: 'Resolved',
    followed_up: 'Followed up', closed: 'Closed', rejected: 'Rejected', merged: 'Merged',
  },
  channel: {
    hotline_12345: '12345 hotline', h5: 'Resident H5', mailbox: 'Building mailbox', grid_patrol: 'Grid patrol',
    wechat_group: 'WeChat group', walk_in: 'Walk-in', open311: 'Open311',
  },
  demandType: {
    consultation: 'Consultation', help: 'Help', complaint: 'Complaint', report: 'Report', suggestion: 'Suggestion',
    praise: 'Praise',
  },
  rating: { satisfied: 'Satisfied', basically_satisfied: 'Basically satisfied', not_satisfied: 'Not satisfied' },
};
