import type { FormInstance } from 'antd';

type FieldNames = Parameters<FormInstance['validateFields']>[0];

/**
 * The form's values (or those of `fields`) once their rules pass, or null when they do not: the form then shows its messages under the fields,
 * and the refusal is not an error of the page (antd's validateFields rejects, which a click handler would leave
 * unhandled).
 */
export function validated<T>(form: FormInstance<T>, fields?: FieldNames): Promise<T | null> {
  return (fields ? form.validateFields(fields) : form.validateFields()).then((values) => values, () => null);
}
