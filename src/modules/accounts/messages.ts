import { defineMessages } from '../../core/i18n.js';

/** Accounts' messages: sign-in, passwords, users and their role bindings. */
export const accountMsg = defineMessages({
  badCredentials: { zh: '用户名或密码错误', en: 'Wrong username or password' },
  locked: { zh: '连续登录失败次数过多,账号已锁定至 {until}', en: 'Too many failed sign-ins; the account is locked until {until}' },
  wrongCurrentPassword: { zh: '当前密码不正确', en: 'The current password is wrong' },
  passwordTooShort: { zh: '密码至少 {min} 位', en: 'Password needs at least {min} characters' },
  badUsername: { zh: '用户名为3-32位字母、数字、下划线', en: 'Username: 3-32 letters, digits, _ . -' },
  rolesRequired: { zh: '至少分配一个角色', en: 'Give at least one role' },
  usernameTaken: { zh: '用户名已被使用', en: 'That username is taken' },
  unitNeedsPartnerContact: { zh: '只有共建单位/部门联络人可以关联单位', en: 'Only a partner_contact account is linked to a unit' },
  roleWrongLevel: { zh: '该角色不能绑定到这一层级({level})', en: 'Role {role} binds to a {levels}, not a {level}' },
});
