import { Form, Radio, Select, type FormRule } from 'antd';
import { useT } from '../../app/i18n/I18nProvider';
import { useLoad } from '../../app/hooks/useLoad';
import { WORKER_ROLES } from '../../../../contracts/roles';
import { workOrdersApi } from './api';

const isWorkerRole = (role: string) => (WORKER_ROLES as readonly string[]).includes(role);

/**
 * Dispatch target: a grid or community worker over the order's place (the server lists exactly those), or a department /
 * partner unit.
 */
export function AssigneeField({ officeId, placeId, label, rules }: { officeId: string; placeId: string; label: string; rules: FormRule[] }) {
  const t = useT();
  const form = Form.useFormInstance();
  const kind = Form.useWatch(['assignee', 'kind']) as 'user' | 'unit' | undefined;
  const users = useLoad(() => workOrdersApi.workers(officeId, placeId), [officeId, placeId]);
  const units = useLoad(() => workOrdersApi.units(), []);
  const options = kind === 'unit'
    ? (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))
    : (users.data?.items ?? []).map((u) => ({
      value: u.id,
      label: `${u.displayName} (${u.username}) · ${u.roles.filter((r) => isWorkerRole(r.role)).map((r) => r.placeName).join('、')}`,
    }));
  return (
    <>
      <Form.Item name={['assignee', 'kind']} label={t('workOrder.assigneeKind')} initialValue="user">
        <Radio.Group optionType="button" onChange={() => form.setFieldValue(['assignee', 'id'], undefined)} options={[{ value: 'user', label: t('workOrder.userKind') }, { value: 'unit', label: t('workOrder.unitKind') }]} />
      </Form.Item>
      <Form.Item name={['assignee', 'id']} label={label} rules={rules} required>
        <Select data-testid="assignee-select" showSearch={{ optionFilterProp: 'label' }} loading={users.loading || units.loading} options={options} />
      </Form.Item>
    </>
  );
}
