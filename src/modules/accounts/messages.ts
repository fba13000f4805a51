import { defineMessages } from '../../core/i18n.js';

/** Accounts' messages: sign-in, passwords, users and their role bindings. */
export const accountMsg = defineMessages({
  // The one answer to every failed sign-in (unknown, disabled, locked or wrong password), so it tells nothing of the account.
  badCredentials: { zh: '用户名或密码错误。连续输错 {max} 次,账号将锁定 {minutes} 分钟', en: 'Wrong username or password. {max} failures in a row lock the account for {minutes} minutes' },
  wrongCurrentPassword: { zh: '当前密码不正确', en: 'The current password is wrong' },
  passwordTooShort: { zh: '密码至少 {min} 位', en: 'Password needs at least {min} characters' },
  passwordRepeated: { zh: '密码不能是同一字符重复或连续的字符(如 aaaaaaaa、12345678)', en: 'The password may not be one character repeated or a run such as 12345678' },
  passwordCommon: { zh: '该密码过于常见,容易被猜中,请换一个', en: 'That password is among the most common ones and easily guessed; choose another' },
  passwordIsUsername: { zh: '密码不能与用户名相同', en: 'The password may not be the username' },
  badUsername: { zh: '用户名为3-32位字母、数字、下划线', en: 'Username: 3-32 letters, digits, _ . -' },
  rolesRequired: { zh: '至少分配一个角色', en: 'Give at least one role' },
  usernameTaken: { zh: '用户名已被使用', en: 'That username is taken' },
  unitNeedsPartnerContact: { zh: '只有共建单位/部门联络人可以关联单位', en: 'Only a partner_contact account is linked to a unit' },
  ownRoles: { zh: '不能修改自己的角色或所属单位,请由管理您账号的人员修改', en: 'You cannot change your own roles or unit; someone who manages your account can' },
  holdsOutside: { zh: '该账号还有您管辖范围以外的角色或单位,只能由上级修改', en: 'This account holds a role or unit outside your area; only a superior may change it' },
  roleWrongLevel: { zh: '该角色不能绑定到这一层级({level})', en: 'Role {role} binds to a {levels}, not a {level}' },
});
