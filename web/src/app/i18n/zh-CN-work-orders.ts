/** The work-order (接诉即办), three-rates and resident H5 texts, in Chinese; spread into zh-CN.ts. */
export const zhCNWorkOrders = {
  workOrder: {
    pageTitle: '接诉即办', inbox: '工单', mine: '待我处理', all: '全部', overdue: '超期', file: '登记诉求', fileTitle: '登记诉求',
    trackingNo: '工单号', externalNo: '12345工单号', channel: '渠道', demandType: '诉求类型', category: '分类', place: '地点',
    state: '状态', light: '时限', title: '标题', description: '问题描述', address: '地址', reporterName: '反映人',
    reporterPhone: '联系电话', receivedAt: '受理时间', resolveDue: '办结时限', assignee: '承办', result: '办理结果',
    rating: '评价', ratingComment: '评价意见', supervised: '督办', reopened: '重办 {count} 次', filters: '筛选',
    anyState: '全部状态', anyCategory: '全部分类', anyChannel: '全部渠道', searchPlaceholder: '标题或工单号',
    empty: '暂无工单', filed: '已登记,工单号 {trackingNo}', done: '操作成功', stale: '工单已被他人更新,已重新加载',
    units: '吹哨报到单位', extensions: '延期申请', photos: '照片', timeline: '办理过程', detail: '工单详情',
    unitKind: '部门/单位', userKind: '人员', assigneeKind: '派给', assigneeTarget: '承办人', note: '备注',
    reason: '理由', days: '延期天数', approve: '同意', decision: '审批', requestId: '申请', intoId: '并入工单号',
    unitIds: '报到单位', reportedAt: '已报到', calledAt: '吹哨时间', notifications: '消息', noNotifications: '暂无消息',
    revealPhone: '联系电话', pickPlace: '搜索小区、楼栋或网格', resolvePhotos: '办结照片', upload: '上传照片',
    lights: { green: '正常', yellow: '临期', red: '超期' },
    extensionState: { pending: '待审批', approved: '已同意', refused: '未同意' },
  },
  workOrderState: {
    received: '待受理', accepted: '已受理', dispatched: '已派单', taken: '办理中', resolved: '已办结', followed_up: '已回访',
    closed: '已关闭', rejected: '已退回', merged: '已合并',
  },
  channel: {
    hotline_12345: '12345热线', h5: '居民H5', mailbox: '楼长信箱', grid_patrol: '网格巡查', wechat_group: '微信群', walk_in: '来访',
    open311: 'Open311',
  },
  demandType: { consultation: '咨询', help: '求助', complaint: '投诉', report: '举报', suggestion: '建议', praise: '表扬' },
  rating: { satisfied: '满意', basically_satisfied: '基本满意', not_satisfied: '不满意' },
  step: {
    accept: '受理', reject: '退回', answer: '直接答复', dispatch: '派单', take: '接单', return: '退单', contact: '联系居民',
    resolve: '办结', follow_up: '回访', rate: '评价', supervise: '督办', call_in: '吹哨报到', report_in: '报到',
    request_extension: '申请延期', decide_extension: '审批延期', merge: '合并',
  },
  rates: {
    title: '三率排名', month: '月份', street: '街道', community: '社区', department: '部门', name: '单位', received: '受理量',
    responded: '按时响应', responseRate: '响应率', due: '应办结', resolved: '按时解决', resolutionRate: '解决率', rated: '评价数',
    satisfied: '满意', basicallySatisfied: '基本满意', notSatisfied: '不满意', satisfactionRate: '满意率', score: '综合得分',
    rank: '排名', export: '导出Excel', trend: '{name} 综合得分趋势', ordersBehind: '{name} · {figure}', publicTitle: '接诉即办晾晒排名',
    weights: '权重:响应率 {response}、解决率 {resolution}、满意率 {satisfaction}',
  },
  h5: {
    title: '我要反映', phone: '手机号', code: '验证码', sendCode: '获取验证码', codeSent: '验证码已发送', signIn: '登录',
    signOut: '退出', compound: '小区', searchCompound: '输入小区名称搜索', building: '楼栋(可选)', category: '问题分类',
    type: '诉求类型', titleField: '标题', description: '问题描述', photos: '照片(最多6张)', submit: '提交',
    submitted: '提交成功', trackingNo: '您的工单号', myDemands: '我的诉求', newDemand: '我要反映', progress: '办理进度',
    rate: '评价', rateTitle: '对办理结果评价', comment: '评价意见(可选)', rated: '感谢您的评价', reopened: '已重新交办',
    empty: '暂无诉求', result: '办理结果',
    steps: {
      filed: '已提交', accepted: '已受理', dispatched: '已派单', taken: '已接单', contacted: '已联系', resolved: '已办结',
      followed_up: '已回访', rated: '已评价', answered: '已答复', rejected: '已退回', merged: '已合并',
    },
  },
} as const;
