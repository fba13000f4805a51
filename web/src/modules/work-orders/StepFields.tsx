import { Alert, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useT } from '../../app/i18n/I18nProvider';
import { useLoad } from '../../app/hooks/useLoad';
import { localTime } from '../timeline/format';
import { UNIT_KINDS } from '../../../../contracts/units';
import { RATINGS } from '../../../../contracts/work-orders';
import { workOrdersApi, type Step, type WorkOrderDetail } from './api';
import { AssigneeField } from './AssigneeField';
import { MergeTargetField } from './MergeTargetField';
import { PhotoPicker } from './PhotoPicker';
import { resolvePhotosLeft } from './photos';

const REASON_STEPS: Step[] = ['reject', 'return', 'supervise', 'call_in', 'request_extension'];
const NOTE_STEPS: Step[] = ['contact', 'follow_up'];

/** The departments and partner units to call in, in two groups, less those already called in on this order. */
function UnitsField({ called }: { called: string[] }) {
  const t = useT();
  const units = useLoad(() => workOrdersApi.units(), []);
  const free = (units.data?.items ?? []).filter((u) => !called.includes(u.id));
  const options = UNIT_KINDS
    .map((kind) => ({ label: t(`workOrder.unitKinds.${kind}`), options: free.filter((u) => u.kind === kind).map((u) => ({ value: u.id, label: u.name })) }))
    .filter((g) => g.options.length > 0);
  return (
    <Form.Item name="unitIds" label={t('workOrder.unitIds')} rules={[{ required: true, message: t('common.required') }]}>
      <Select mode="multiple" data-testid="call-in-units" loading={units.loading} showSearch={{ optionFilterProp: 'label' }} options={options} />
    </Form.Item>
  );
}

/** The few fields each step asks for, named as the server's step body names them. */
export function StepFields({ step, detail }: { step: Step; detail: WorkOrderDetail }) {
  const t = useT();
  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  const reasonRules = [...required, { min: 2, message: t('common.reasonRequired') }];
  const pending = detail.extensions.filter((e) => e.state === 'pending');
  const approve = Form.useWatch('approve') as boolean | undefined;
  const photosLeft = resolvePhotosLeft(detail);
  const unreported = detail.units.filter((u) => !u.reportedAt).map((u) => u.name);
  const due = detail.order.resolveDue ? localTime(detail.order.resolveDue) : t('common.none');
  return (
    <>
      {step === 'dispatch' && <AssigneeField officeId={detail.order.officeId} placeId={detail.order.placeId} />}
      {step === 'call_in' && <UnitsField called={detail.units.map((u) => u.id)} />}
      {step === 'request_extension' && (
        <Form.Item name="days" label={t('workOrder.days')} rules={[{ required: true, message: t('common.required') }]}
          extra={t('workOrder.extensionHint', { due })}>
          <InputNumber min={1} max={13} precision={0} style={{ width: 160 }} suffix={t('workOrder.workingDays')} />
        </Form.Item>
      )}
      {step === 'decide_extension' && (
        <>
          <Form.Item name="requestId" label={t('workOrder.requestId')} initialValue={pending[0]?.id} rules={[{ required: true, message: t('common.required') }]}
            extra={t('workOrder.extensionHint', { due })}>
            <Select data-testid="extension-request" options={pending.map((e) => ({ value: e.id, label: `${t('workOrder.extensionDays', { days: e.days })} · ${e.reason}` }))} />
          </Form.Item>
          <Form.Item name="approve" label={t('workOrder.decision')} initialValue={true} rules={[{ required: true, message: t('common.required') }]}>
            <Radio.Group optionType="button" options={[{ value: true, label: t('workOrder.approve') }, { value: false, label: t('workOrder.refuse') }]} />
          </Form.Item>
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
      {step === 'merge' && <MergeTargetField order={detail.order} />}
      {step === 'resolve' && unreported.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} data-testid="units-pending" title={t('workOrder.unitsPending', { units: unreported.join('、') })} />
      )}
      {(step === 'answer' || step === 'resolve') && (
        <Form.Item name="result" label={t('workOrder.result')} rules={required}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
      )}
      {step === 'resolve' && photosLeft > 0 && (
        <Form.Item name="photos" label={t('workOrder.resolvePhotos')}><PhotoPicker max={photosLeft} /></Form.Item>
      )}
      {step === 'report_in' && (
        <Form.Item name="note" label={t('workOrder.part')} rules={required}><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
      )}
      {NOTE_STEPS.includes(step) && (
        <Form.Item name="note" label={t('workOrder.note')} rules={required}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
      )}
      {step === 'dispatch' && <Form.Item name="note" label={t('workOrder.note')}><Input.TextArea rows={2} maxLength={500} /></Form.Item>}
      {REASON_STEPS.includes(step) && (
        <Form.Item name="reason" label={t('workOrder.reason')} rules={reasonRules}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
      )}
      {/* A refusal says why; an approval or a merge may. */}
      {(step === 'decide_extension' || step === 'merge') && (
        <Form.Item name="reason" label={t('workOrder.reason')} rules={step === 'decide_extension' && approve === false ? reasonRules : []}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      )}
    </>
  );
}
