import type { FormInstance } from 'antd';
import { ApiError } from './api/client';

type FieldNames = Parameters<FormInstance['validateFields']>[0];

/**
 * The form's values (or those of `fields`) once their rules pass, or null when they do not: the form then shows its messages under the fields,
 * and the refusal is not an error of the page (antd's validateFields rejects, which a click handler would leave
 * unhandled).
 */
export function validated<T>(form: FormInstance<T>, fields?: FieldNames): Promise<T | null> {
  return (fields ? form.validateFields(fields) : form.validateFields()).then((values) => values, () => null);
}

/**
 * Shows a server refusal under the form's field it names (`field`, or the first part of `field.sub`), when that is one of
 * `fields`; false when it names none of them, for the caller to show as a message.
 */
export function showFieldError(form: FormInstance<any>, err: unknown, fields: readonly string[], pick: (m: { zh: string; en: string }) => string): boolean {
  const field = err instanceof ApiError ? err.field?.split('.')[0] : undefined;
  if (!(err instanceof ApiError) || !err.messages || !field || !fields.includes(field)) return false;
  form.setFields([{ name: field, errors: [pick(err.messages)] }]);
  return true;
}
