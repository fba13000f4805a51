import { z } from 'zod';
import { ROLES } from '../../core/access/roles.js';
import { PASSWORD_RULE } from '../../core/auth/password.js';
import { bilingual, ZId, ZVersion, ZPage } from '../../core/validation.js';
import { accountMsg } from './messages.js';
import { passwordProblem } from './password-rule.js';
import { bilingualMsg, msg } from '../../core/i18n.js';

/** A new password: NIST's rule (password-rule.ts); the username is compared where the schema knows it. */
export const ZPassword = z
  .string()
  .min(PASSWORD_RULE.min, bilingualMsg(msg(accountMsg.passwordTooShort, { min: PASSWORD_RULE.min })))
  .max(PASSWORD_RULE.max)
  .superRefine((password, ctx) => {
    const problem = password.length >= PASSWORD_RULE.min ? passwordProblem(password) : null;
    if (problem) ctx.addIssue({ code: 'custom', message: bilingualMsg(problem).error });
  });

export const ZLogin = z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(PASSWORD_RULE.max) });
export const ZChangePassword = z.object({ currentPassword: z.string().min(1), newPassword: ZPassword });

export const ZRoleBindingInput = z.object({ role: z.enum(ROLES), placeId: ZId });
export const ZCreateUser = z.object({
  username: z.string().trim().regex(/^[a-zA-Z0-9_.-]{3,32}$/, bilingualMsg(accountMsg.badUsername)),
  displayName: z.string().trim().min(1).max(50),
  password: ZPassword,
  roles: z.array(ZRoleBindingInput).min(1, bilingualMsg(accountMsg.rolesRequired)).max(10),
  /** The department or partner unit a partner_contact works for (must be a unit in the caller's scope). */
  unitId: ZId.optional(),
}).superRefine((user, ctx) => {
  const problem = passwordProblem(user.password, user.username);
  if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: bilingualMsg(problem).error });
});
export type TCreateUser = z.infer<typeof ZCreateUser>;

export const ZUpdateUser = z.object({
  version: ZVersion,
  displayName: z.string().trim().min(1).max(50).optional(),
  disabled: z.boolean().optional(),
  password: ZPassword.optional(),
  roles: z.array(ZRoleBindingInput).min(1).max(10).optional(),
  /** Links the account to a unit (partner_contact only); `null` unlinks it. */
  unitId: ZId.nullable().optional(),
});
export type TUpdateUser = z.infer<typeof ZUpdateUser>;

export const ZUsersQuery = z.object({
  placeId: ZId.optional(),
  /** Only users holding one of these roles on a place inside the listed subtree (repeat `role` for several). */
  role: z.union([z.enum(ROLES), z.array(z.enum(ROLES)).max(ROLES.length)]).optional(),
  /** Only users bound (in one of `role`, if given) to this place or a place above it: who may be given work there. */
  coversPlaceId: ZId.optional(),
  disabled: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(50).optional(),
  ...ZPage(50, 200).shape,
});
