/** Simplified Chinese, the default: the shell's own texts. Each module brings its own (modules/<name>/i18n.ts). */
export const zhCN = {
  app: { name: '一张网', tagline: '党建引领基层治理', loading: '加载中…' },
  nav: { menu: '菜单' },
  lang: { zh: '中文', en: 'English', switch: '语言' },
  common: {
    ok: '确定', cancel: '取消', save: '保存', edit: '编辑', search: '搜索', reset: '重置', close: '关闭', actions: '操作', yes: '是', no: '否',
    none: '—', total: '共 {total} 条', columns: '列设置', columnsReset: '重置', saved: '已保存', created: '已创建', reason: '理由', reasonPlaceholder: '请填写理由(至少2个字)',
    reasonRequired: '请填写理由(至少2个字)', required: '必填', reveal: '查看', revealTitle: '查看{field}', revealHint: '查看个人信息会记入审计日志,请说明理由。',
    timeline: '时间线', unknownError: '操作失败,请稍后重试', networkError: '网络连接失败,请检查网络', notFound: '记录不存在或无权访问',
    more: '还有 {count} 项,请在右侧列表中翻页', back: '返回',
  },
  auth: {
    signOut: '退出登录', changePassword: '修改密码', currentPassword: '当前密码', newPassword: '新密码', confirmPassword: '确认新密码',
    passwordMismatch: '两次输入的新密码不一致', passwordChanged: '密码已修改', signedOut: '已退出登录',
  },
  role: {
    district_admin: '区级管理员', street_staff: '街道工作人员', community_worker: '社区工作者', grid_worker: '网格员', building_head: '楼长',
    party_member: '党员', partner_contact: '共建单位联络人', resident: '居民',
  },
} as const;
