import type { FormRule } from 'antd';
import { z } from 'zod';
import en from 'zod/v4/locales/en.js';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { ZStep } from '../../../../contracts/work-order-steps';
import type { Locale } from '../../app/i18n/types';
import type { Step } from './api';

/** Every field some step's input schema asks for, less the `version` every step sends. */
export type StepFieldName = { [A in Step]: Exclude<keyof (typeof ZStep)[A]['shape'], 'version'> }[Step];

export interface StepField { name: StepFieldName; schema: z.ZodType; optional: boolean }
/** What a rule checks: a step's field, or a part of one (the assignee's id). */
type Checked = Pick<StepField, 'schema' | 'optional'>;

/** The fields of a step's form, in the order its schema names them. */
export function stepFields(step: Step): StepField[] {
  return Object.entries(ZStep[step].shape as Record<string, z.ZodType>)
    .filter(([name]) => name !== 'version')
    .map(([name, schema]) => ({ name: name as StepFieldName, schema, optional: schema.safeParse(undefined).success }));
}

/** The schema under `.optional()`: where its bounds and options live. */
export const inner = (schema: z.ZodType): z.ZodType => (schema instanceof z.ZodOptional ? inner(schema.unwrap() as z.ZodType) : schema);

/** A length bound of a string or array schema (a number's are its `minValue` and `maxValue`). */
export function bound(schema: z.ZodType, check: 'max_length' | 'min_length'): number | undefined {
  const s = inner(schema);
  if (s instanceof z.ZodString) return (check === 'max_length' ? s.maxLength : s.minLength) ?? undefined;
  const checks = (s.def as { checks?: { _zod: { def: { check: string; maximum?: number; minimum?: number } } }[] }).checks ?? [];
  const found = checks.map((c) => c._zod.def).find((d) => d.check === check);
  return found ? (found.maximum ?? found.minimum) : undefined;
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** What the schema is given for a form value: an untouched text box is an empty string, so the schema's own message shows. */
function inputOf(field: Checked, value: unknown): unknown {
  if (typeof value === 'string' && value.trim() === '' && field.optional) return undefined;
  if (value === null) return undefined;
  return value === undefined && inner(field.schema) instanceof z.ZodString && !field.optional ? '' : value;
}

const LOCALE_ERRORS = { 'zh-CN': zhCN().localeError, en: en().localeError };

/**
 * An issue in the reader's language: the schema's own zh/en message (contracts' `bilingual`), "required" for a value not
 * given, otherwise zod's message in that language (as the server words it).
 */
export function issueText(issue: z.core.$ZodIssue, locale: Locale, required: string): string {
  if (issue.message.startsWith('{')) {
    try {
      const m = JSON.parse(issue.message) as { zh: string; en: string };
      return locale === 'en' ? m.en : m.zh;
    } catch { /* not one of ours: shown as it is */ }
  }
  return issue.message || required;
}

function errorMap(locale: Locale, required: string) {
  return (iss: z.core.$ZodRawIssue) => {
    if (isEmpty(iss.input)) return required;
    const out = LOCALE_ERRORS[locale](iss as never);
    return typeof out === 'string' ? out : (out?.message ?? required);
  };
}

/** The form rule of one field: its value checked by the field's own schema, the schema's message under it. */
export function schemaRule(field: Checked, locale: Locale, required: string): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const r = field.schema.safeParse(inputOf(field, value), { error: errorMap(locale, required) });
      if (!r.success) throw new Error(issueText(r.error.issues[0]!, locale, required));
    },
  };
}

/** The step's body as its schema reads it (trimmed; optional fields left empty are left out), or the issues per field. */
export function stepBody(step: Step, version: number, values: Record<string, unknown>, locale: Locale, required: string):
  { ok: true; body: Record<string, unknown> } | { ok: false; errors: { name: (string | number)[]; errors: string[] }[] } {
  const input: Record<string, unknown> = { version };
  for (const field of stepFields(step)) {
    const v = inputOf(field, values[field.name]);
    if (v !== undefined) input[field.name] = v;
  }
  const r = ZStep[step].safeParse(input, { error: errorMap(locale, required) });
  if (r.success) return { ok: true, body: r.data as Record<string, unknown> };
  const errors = r.error.issues.map((i) => ({ name: i.path.map((p) => (typeof p === 'number' ? p : String(p))), errors: [issueText(i, locale, required)] }));
  return { ok: false, errors };
}
