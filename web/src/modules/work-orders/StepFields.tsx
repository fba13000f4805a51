import { Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import { useT } from '../../app/i18n/I18nProvider';
import { useLoad } from '../../app/hooks/useLoad';
import { RATINGS, workOrdersApi, type Step, type WorkOrderDetail } from './api';
import { AssigneeField } from './AssigneeField';
import { PhotoPicker } from './PhotoPicker';

const REASON_STEPS: Step[] = ['reject', 'return', 'supervise', 'call_in', 'request_extension'];
const NOTE_STEPS: Step[] = ['contact', 'follow_up', 'report_in'];

function UnitsField() {
  const t = useT();
  const units = useLoad(() => workOrdersApi.units(), []);
  return (
    <Form.Item name="unitIds" label={t('workOrder.unitIds')} rules={[{ required: true, message: t('common.required') }]}>
      <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} />
    </Form.Item>
  );
}

/** The few fields each step asks for, named as the server's step body names them. */
export function StepFields({ step, detail }: { step: Step; detail: WorkOrderDetail }) {
  const t = useT();
  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  const pending = detail.extensions.filter((e) => e.state === 'pending');
  return (
    <>
      {step === 'dispatch' && <AssigneeField officeId={detail.order.officeId} />}
      {step === 'call_in' && <UnitsField />}
      {step === 'request_extension' && (
        <Form.Item name="days" label={t('workOrder.days')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={1} max={13} />
        </Form.Item>
      )}
      {step === 'decide_extension' && (
        <>
          <Form.Item name="requestId" label={t('workOrder.requestId')} initialValue={pending[0]?.id} rules={[{ required: true, message: t('common.required') }]}>
            <Select options={pending.map((e) => ({ value: e.id, label: `${e.days} · ${e.reason}` }))} />
          </Form.Item>
          <Form.Item name="approve" label={t('workOrder.approve')} valuePropName="checked" initialValue={true}><Switch /></Form.Item>
        </>
      )}
      {step === 'rate' && (
        <>
          <Form.Item name="rating" label={t('workOrder.rating')} rules={[{ required: true, message: t('common.required') }]}>
            <Radio.Group options={RATINGS.map((r) => ({ value: r, label: t(`rating.${r}`) }))} />
          </Form.Item>
          <Form.Item name="comment" label={t('workOrder.ratingComment')}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
        </>
      )}
      {step === 'merge' && (
        <Form.Item name="intoTrackingNo" label={t('workOrder.intoId')} rules={required}><Input /></Form.Item>
      )}
      {(step === 'answer' || step === 'resolve') && (
        <Form.Item name="result" label={t('workOrder.result')} rules={required}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
      )}
      {step === 'resolve' && (
        <Form.Item name="photos" label={t('workOrder.resolvePhotos')}><PhotoPicker max={6} /></Form.Item>
      )}
      {NOTE_STEPS.includes(step) && (
        <Form.Item name="note" label={t('workOrder.note')} rules={required}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
      )}
      {step === 'dispatch' && <Form.Item name="note" label={t('workOrder.note')}><Input.TextArea rows={2} maxLength={500} /></Form.Item>}
      {(REASON_STEPS.includes(step) || step === 'decide_extension' || step === 'merge') && (
        <Form.Item name="reason" label={t('workOrder.reason')} rules={step === 'decide_extension' || step === 'merge' ? [] : [...required, { min: 2, message: t('common.reasonRequired') }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      )}
    </>
  );
}
