import fs from 'node:fs';
import { AppError } from '../../core/errors.js';
import type { Entry } from '../../core/i18n.js';
import { msg } from '../../core/i18n.js';
import { PASSWORD_RULE } from '../../core/auth/password.js';
import { accountMsg } from './messages.js';

const COMMON = new Set(
  fs.readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8').split('\n')
    .map((line) => line.trim().toLowerCase()).filter((line) => line && !line.startsWith('#')),
);

/** Every character one step after (or before) the one before it: 12345678, abcdefgh, 87654321. */
function isRun(text: string): boolean {
  const codes = [...text].map((c) => c.codePointAt(0)!);
  const step = codes[1]! - codes[0]!;
  return Math.abs(step) === 1 && codes.every((c, i) => i === 0 || c - codes[i - 1]! === step);
}

/**
 * What is wrong with a new password, or null (NIST SP 800-63B 3.1.1.2): at least 8 characters, not one character
 * repeated or a run, not one of the most common passwords, not the username. No rules of composition.
 */
export function passwordProblem(password: string, username?: string): Entry | null {
  if ([...password].length < PASSWORD_RULE.min) return msg(accountMsg.passwordTooShort, { min: PASSWORD_RULE.min });
  if (/^(.)\1*$/su.test(password) || isRun(password)) return accountMsg.passwordRepeated;
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return accountMsg.passwordCommon;
  if (username && lower === username.trim().toLowerCase()) return accountMsg.passwordIsUsername;
  return null;
}

/** 400 with the field, as a schema would answer, when the password breaks the rule for this username. */
export function checkPasswordFor(password: string, username: string, field: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new AppError(400, 'invalid_input', { zh: problem.zh, en: problem.en }, field);
}
