import { Form, Radio, Select } from 'antd';
import { useT } from '../../app/i18n/I18nProvider';
import { useLoad } from '../../app/hooks/useLoad';
import { workOrdersApi } from './api';

const WORKER_ROLES = ['grid_worker', 'community_worker'];

/** Dispatch target: a grid or community worker of the order's community, or a department / partner unit. */
export function AssigneeField({ officeId }: { officeId: string }) {
  const t = useT();
  const form = Form.useFormInstance();
  const kind = Form.useWatch(['assignee', 'kind']) as 'user' | 'unit' | undefined;
  const users = useLoad(() => workOrdersApi.users(officeId), [officeId]);
  const units = useLoad(() => workOrdersApi.units(), []);
  const workers = (users.data?.items ?? []).filter((u) => u.roles.some((r) => WORKER_ROLES.includes(r.role)));
  const options = kind === 'unit'
    ? (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))
    : workers.map((u) => ({
      value: u.id,
      label: `${u.displayName} (${u.username}) · ${u.roles.filter((r) => WORKER_ROLES.includes(r.role)).map((r) => r.placeName).join('、')}`,
    }));
  return (
    <>
      <Form.Item name={['assignee', 'kind']} label={t('workOrder.assigneeKind')} initialValue="user">
        <Radio.Group optionType="button" onChange={() => form.setFieldValue(['assignee', 'id'], undefined)} options={[{ value: 'user', label: t('workOrder.userKind') }, { value: 'unit', label: t('workOrder.unitKind') }]} />
      </Form.Item>
      <Form.Item name={['assignee', 'id']} label={t('workOrder.assigneeTarget')} rules={[{ required: true, message: t('common.required') }]}>
        <Select data-testid="assignee-select" showSearch={{ optionFilterProp: 'label' }} loading={users.loading || units.loading} options={options} />
      </Form.Item>
    </>
  );
}
