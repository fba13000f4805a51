import { zhCNWorkOrders } from './zh-CN-work-orders';

/** Simplified Chinese, the default. Every user-facing string of the web app lives here and in en.ts. */
export const zhCN = {
  app: { name: '一张网', tagline: '党建引领基层治理', loading: '加载中…' },
  nav: { places: '一张网', accounts: '账号管理', audit: '审计日志', menu: '菜单', workOrders: '接诉即办', rates: '三率排名' },
  lang: { zh: '中文', en: 'English', switch: '语言' },
  common: {
    ok: '确定', cancel: '取消', save: '保存', edit: '编辑', search: '搜索', reset: '重置', close: '关闭',
    actions: '操作', yes: '是', no: '否', none: '—', total: '共 {total} 条', saved: '已保存', created: '已创建',
    reason: '理由', reasonPlaceholder: '请填写理由(至少2个字)', reasonRequired: '请填写理由(至少2个字)',
    required: '必填', reveal: '查看', revealTitle: '查看{field}', revealHint: '查看个人信息会记入审计日志,请说明理由。',
    timeline: '时间线', unknownError: '操作失败,请稍后重试', networkError: '网络连接失败,请检查网络', notFound: '记录不存在或无权访问',
    more: '还有 {count} 项,请在右侧列表中翻页', back: '返回',
  },
  auth: {
    title: '登录', username: '用户名', password: '密码', signIn: '登录', signOut: '退出登录',
    changePassword: '修改密码', currentPassword: '当前密码', newPassword: '新密码', confirmPassword: '确认新密码',
    passwordMismatch: '两次输入的新密码不一致', passwordChanged: '密码已修改', signedOut: '已退出登录',
  },
  role: {
    district_admin: '区级管理员', street_staff: '街道工作人员', community_worker: '社区工作者', grid_worker: '网格员',
    building_head: '楼长', party_member: '党员', partner_contact: '共建单位联络人', resident: '居民',
  },
  level: { district: '区', street: '街道', community: '社区', grid: '网格', compound: '小区', building: '楼栋', household: '户' },
  compoundType: {
    no_property_management: '无物业小区', property_managed: '有物业小区', enterprise: '企业(厂区)宿舍',
    mixed_use: '商住混合小区', scattered: '散居户',
  },
  place: {
    tree: '地点树', searchPlaceholder: '搜索地点名称', name: '名称', level: '层级', code: '编码', compoundType: '小区类型',
    threeNo: '三无小区', threeNoTag: '三无', address: '地址', revealAddress: '查看地址', children: '下级地点',
    noChildren: '暂无下级地点', create: '新建下级', createTitle: '新建{level}', edit: '编辑', editTitle: '编辑{name}',
    move: '迁移', moveTitle: '迁移{name}', newParent: '迁入网格', newParentPlaceholder: '搜索网格名称',
    exportRoster: '导出花名册', importRoster: '导入花名册', created: '已创建', updated: '已保存', moved: '已迁移',
    changeReason: '修改理由(可选)', selectPlace: '请选择地点', childrenCount: '下级 {count} 个',
  },
  count: { community: '社区', grid: '网格', compound: '小区', building: '楼栋', household: '户', residents: '居民' },
  roster: {
    title: '导入花名册', choose: '选择 .xlsx 文件', uploading: '正在上传', processing: '服务器正在校验并导入…',
    hint: '表头:楼栋、房号、姓名、性别、与户主关系、手机号、身份证号。任一行有误则不导入任何数据。',
    badRows: '以下行有错误,未导入任何数据', row: '行号', field: '字段', reason: '原因', done: '导入完成',
    summary: '新建楼栋 {buildings} 栋、户 {households} 户、居民 {residents} 人,更新居民 {updated} 人',
    fields: { building: '楼栋', household: '房号', name: '姓名', gender: '性别', relation: '与户主关系', phone: '手机号', idNumber: '身份证号', file: '文件' },
  },
  resident: {
    title: '居民', add: '添加居民', edit: '编辑居民', name: '姓名', relation: '与户主关系', gender: '性别',
    phone: '手机号', idNumber: '身份证号', created: '已添加居民', updated: '已保存', keepHint: '留空则不修改',
  },
  relation: {
    head: '户主', spouse: '配偶', child: '子女', parent: '父母', grandchild: '孙子女', sibling: '兄弟姐妹', tenant: '租户', other: '其他',
  },
  gender: { male: '男', female: '女' },
  timeline: { title: '时间线', empty: '暂无记录', by: '操作人', reason: '理由' },
  action: {
    sign_in_failed: '登录失败',
    create: '新建', update: '修改', move: '迁移', reveal: '查看个人信息', import_roster: '导入花名册', export_roster: '导出花名册',
    sign_in: '登录', sign_out: '退出', file: '登记', accept: '受理', dispatch: '派单', take: '接单', resolve: '办结', rate: '评价', follow_up: '回访', supervise: '督办', call_in: '吹哨', return: '退单', contact: '联系居民', change_password: '修改密码', lock: '锁定', unlock: '解锁', disable: '停用',
    reject: '不予受理', answer: '直接答复', report_in: '报到', request_extension: '申请延期', decide_extension: '审批延期', merge: '合并重复诉求',
    add_photos: '上传照片', overdue: '超期', comment: '外部系统备注', import: '导入', import_division: '导入行政区划', issue: '签发', revoke: '吊销', set: '设置',
  },
  entity: { place: '地点', resident: '居民', user: '账号' },
  field: {
    failedLogins: '失败次数', lockedUntil: '锁定至',
    name: '名称', level: '层级', parentId: '上级', compoundType: '小区类型', threeNo: '三无', address: '地址', path: '路径',
    displayName: '姓名', disabled: '停用', roles: '角色', password: '密码', phone: '手机号', idNumber: '身份证号',
    gender: '性别', relation: '与户主关系', field: '字段', rows: '行数', created: '新建', updated: '更新', username: '用户名',
    unitId: '所属单位', state: '状态', note: '说明', result: '办理结果', rating: '评价', mergedInto: '并入工单', trackingNo: '工单号', days: '延期天数',
    approved: '批准', resolveDue: '办结时限', units: '召集单位', supervised: '督办', reopened: '重办', stage: '阶段', photoIds: '照片', assignee: '承办',
  },
  user: {
    title: '账号管理', create: '新建账号', edit: '编辑账号', username: '用户名', displayName: '姓名', password: '初始密码',
    resetPassword: '重置密码', resetPasswordHint: '留空则不修改', disabled: '停用账号', status: '状态',
    active: '正常', locked: '已锁定', disabledTag: '已停用', roles: '角色', role: '角色', place: '所在地点',
    addRole: '添加角色', unit: '所属单位', unitHint: '共建单位或部门联络人所代表的单位,被吹哨时据此接收工单', unitPlaceholder: '选择部门或共建单位', searchPlaceholder: '搜索用户名或姓名', created: '已创建账号', updated: '已保存', createdAt: '创建时间',
  },
  audit: {
    title: '审计日志', actor: '操作人', actorPlaceholder: '用户名', entityType: '记录类型', entityId: '记录编号',
    action: '操作', timeRange: '时间范围', at: '时间', record: '记录', detail: '变更详情', from: '变更前', to: '变更后',
  },
  ...zhCNWorkOrders,
} as const;
