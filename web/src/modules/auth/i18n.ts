import type { Widen } from '../../app/i18n/types';

/** The sign-in texts; modules/index.ts merges them into the app's catalogues. */
export const zh = {
  auth: { title: '登录', username: '用户名', password: '密码', signIn: '登录' },
  action: { sign_in_failed: '登录失败', sign_in: '登录', sign_out: '退出', change_password: '修改密码', lock: '锁定', unlock: '解锁' },
  field: { failedLogins: '失败次数', lockedUntil: '锁定至', password: '密码' },
} as const;

export const en: Widen<typeof zh> = {
  auth: { title: 'Sign in', username: 'Username', password: 'Password', signIn: 'Sign in' },
  action: {
    sign_in_failed: 'Failed sign-in', sign_in: 'Signed in', sign_out: 'Signed out', change_password: 'Changed password',
    lock: 'Locked', unlock: 'Unlocked',
  },
  field: { failedLogins: 'Failed attempts', lockedUntil: 'Locked until', password: 'Password' },
};
