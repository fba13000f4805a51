import { z } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';
import en from 'zod/v4/locales/en.js';
import { AppError, type Message } from './errors.js';
import { msg } from './i18n.js';
import { core } from './messages.js';

const zhMap = zhCN().localeError;
const enMap = en().localeError;

export { bilingual, ZPhone, isValidIdNumber, ZIdNumber, ZId, ZVersion, ZReason, ZText, ZPage, ZString, isStorable } from '../../contracts/validation.js';

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
  const prefix = field ? msg(core.fieldPrefix, { field }) : { zh: '', en: '' };
  return { field, message: { zh: prefix.zh + render(zhMap, issue), en: prefix.en + render(enMap, issue) } };
}

/** Parses multipart text fields the way route schemas parse bodies: 400 with the first field and a zh and en message. */
export function parseForm<S extends z.ZodType>(schema: S, fields: Record<string, string>): z.infer<S> {
  const parsed = schema.safeParse(fields);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map(({ code, path, message, ...params }) =>
    describeIssue({ keyword: code, instancePath: `/${path.join('/')}`, message, params }));
  const first = issues[0]!;
  throw new AppError(400, 'invalid_input', first.message, first.field, { issues });
}
