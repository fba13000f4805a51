import { z } from 'zod';

/** A custom zod message in both languages; the server's error handler and the web's forms unpack it. */
export const bilingual = (zh: string, en: string) => ({ error: JSON.stringify({ zh, en }) });

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
export const ZText = (max: number, zh: string, en: string) => z.string().trim().min(1, bilingual(zh, en)).max(max);

/** The one paging schema: `limit` (default `size`) and `offset`. */
export const ZPage = (size = 50, max = 200) => z.object({
  limit: z.coerce.number().int().min(1).max(max).default(size),
  offset: z.coerce.number().int().min(0).default(0),
});
