import { z } from 'zod';

/** A custom zod message in both languages; the server's error handler and the web's forms unpack it. */
export const bilingual = (zh: string, en: string) => ({ error: JSON.stringify({ zh, en }) });

/**
 * What no text field takes: the C0 control characters except tab, line feed and carriage return (U+0000 cannot be
 * stored in PostgreSQL at all; none of them can be written to XML, so not to Open311 answers or .xlsx ledgers), the
 * noncharacters U+FFFE and U+FFFF, and a surrogate without its pair (no character at all).
 */
export const UNSTORABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Any candidate at all, in one character class: most text has none, and the exact test above is slower.
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
export const isStorable = (text: string) => !SUSPECT.test(text) || !UNSTORABLE.test(text);
export const UNSTORABLE_MESSAGE = { zh: '不能包含控制字符(如 U+0000)', en: 'must not contain control characters (such as U+0000)' } as const;
/** A string without characters that cannot be stored (see UNSTORABLE); the building block of every text field. */
export const ZString = () => z.string().refine(isStorable, bilingual(UNSTORABLE_MESSAGE.zh, UNSTORABLE_MESSAGE.en));

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
export const ZReason = ZString().trim().min(2, bilingual('请填写理由(至少2个字)', 'Give a reason (at least 2 characters)')).max(500);
export const ZText = (max: number, zh: string, en: string) => ZString().trim().min(1, bilingual(zh, en)).max(max);

/** The one paging schema: `limit` (default `size`) and `offset`. */
export const ZPage = (size = 50, max = 200) => z.object({
  limit: z.coerce.number().int().min(1).max(max).default(size),
  offset: z.coerce.number().int().min(0).default(0),
});
