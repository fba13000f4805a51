import { z } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';
import en from 'zod/v4/locales/en.js';
import type { Message } from './errors.js';

const zhMap = zhCN().localeError;
const enMap = en().localeError;

/** A custom zod message in both languages; the error handler unpacks it. */
export const bilingual = (zh: string, en: string) => ({ error: JSON.stringify({ zh, en }) });

function render(map: typeof zhMap, issue: any): string {
  const out = map(issue);
  return typeof out === 'string' ? out : (out?.message ?? 'invalid');
}

/** Turns one issue (as fastify-type-provider-zod reports it) into `{ field, message: { zh, en } }`. */
export function describeIssue(v: { keyword: string; instancePath: string; message?: string; params?: any }): { field: string | null; message: Message } {
  const field = v.instancePath.replace(/^\//, '').replace(/\//g, '.') || null;
  if (v.message?.startsWith('{')) {
    try {
      return { field, message: JSON.parse(v.message) as Message };
    } catch {
      /* fall through */
    }
  }
  const issue = { ...(v.params ?? {}), code: v.keyword, path: field?.split('.') ?? [], input: v.params?.input };
  const prefix = field ? { zh: `字段 ${field}:`, en: `${field}: ` } : { zh: '', en: '' };
  return { field, message: { zh: prefix.zh + render(zhMap, issue), en: prefix.en + render(enMap, issue) } };
}

// Mainland mobile numbers, or landlines with area code (0757-87654321).
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
export const ZPhone = z.string().trim().regex(PHONE, bilingual('手机号或电话号码格式不正确', 'Not a valid phone number'));

/** GB 11643 citizen ID: 17 digits and a check character. */
export function isValidIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const checks = '10X98765432';
  const sum = weights.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  return checks[sum % 11] === id[17];
}
export const ZIdNumber = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidIdNumber, bilingual('身份证号码不正确(18位,校验位不符)', 'Not a valid ID number (18 characters with a valid check digit)'));

export const ZId = z.string().regex(/^[0-9a-z]{1,32}$/, bilingual('编号格式不正确', 'Malformed id'));
export const ZVersion = z.coerce.number().int().min(1);
export const ZReason = z.string().trim().min(2, bilingual('请填写理由(至少2个字)', 'Give a reason (at least 2 characters)')).max(500);
export const ZPage = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
