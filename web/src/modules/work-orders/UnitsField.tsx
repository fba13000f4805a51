import { Form, Select, type FormRule } from 'antd';
import { useLoad } from '../../app/hooks/useLoad';
import { useT } from '../../app/i18n/I18nProvider';
import { UNIT_KINDS } from '../../../../contracts/units';
import { workOrdersApi } from './api';

/** The departments and partner units to call in, in two groups, less those already called in on this order. */
export function UnitsField({ called, label, rules, required, max }: { called: string[]; label: string; rules: FormRule[]; required: boolean; max?: number }) {
  const t = useT();
  const units = useLoad(() => workOrdersApi.units(), []);
  const free = (units.data?.items ?? []).filter((u) => !called.includes(u.id));
  const options = UNIT_KINDS
    .map((kind) => ({ label: t(`workOrder.unitKinds.${kind}`), options: free.filter((u) => u.kind === kind).map((u) => ({ value: u.id, label: u.name })) }))
    .filter((g) => g.options.length > 0);
  return (
    <Form.Item name="unitIds" label={label} rules={rules} required={required}>
      <Select mode="multiple" data-testid="call-in-units" loading={units.loading} maxCount={max} showSearch={{ optionFilterProp: 'label' }} options={options} />
    </Form.Item>
  );
}
