import type { Widen } from '../../app/i18n/types';

/** The accounts texts; modules/index.ts merges them into the app's catalogues. */
export const zh = {
  nav: { accounts: '账号管理' },
  action: { disable: '停用' },
  entity: { user: '账号' },
  field: { displayName: '姓名', disabled: '停用', roles: '角色', username: '用户名', unitId: '所属单位' },
  user: {
    title: '账号管理', create: '新建账号', edit: '编辑账号', username: '用户名', displayName: '姓名', password: '初始密码', resetPassword: '重置密码',
    resetPasswordHint: '留空则不修改', disabled: '停用账号', status: '状态', active: '正常', locked: '已锁定', disabledTag: '已停用', roles: '角色',
    role: '角色', place: '所在地点', addRole: '添加角色', unit: '所属单位', unitHint: '共建单位或部门联络人所代表的单位,被吹哨时据此接收工单',
    unitPlaceholder: '选择部门或共建单位', searchPlaceholder: '搜索用户名或姓名', created: '已创建账号', updated: '已保存', createdAt: '创建时间',
  },
} as const;

export const en: Widen<typeof zh> = {
  nav: { accounts: 'Accounts' },
  action: { disable: 'Disabled' },
  entity: { user: 'Account' },
  field: { displayName: 'Display name', disabled: 'Disabled', roles: 'Roles', username: 'Username', unitId: 'Unit' },
  user: {
    title: 'Accounts', create: 'New account', edit: 'Edit account', username: 'Username', displayName: 'Display name',
    password: 'Initial password', resetPassword: 'Reset password', resetPasswordHint: 'Leave empty to keep',
    disabled: 'Disable account', status: 'Status', active: 'Active', locked: 'Locked', disabledTag: 'Disabled', roles: 'Roles',
    role: 'Role', place: 'Place', addRole: 'Add role', unit: 'Unit',
    unitHint: 'The partner unit or department this contact speaks for; called-in orders reach them through it',
    unitPlaceholder: 'Pick a department or partner unit', searchPlaceholder: 'Search username or name',
    created: 'Account created', updated: 'Saved', createdAt: 'Created',
  },
};
