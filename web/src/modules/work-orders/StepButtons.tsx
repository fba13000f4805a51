import { Button, Form, Modal, Space } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../app/api/client';
import { useNotify } from '../../app/hooks/useNotify';
import { useT } from '../../app/i18n/I18nProvider';
import { workOrdersApi, type Step, type WorkOrderDetail } from './api';
import { filesOf } from './PhotoPicker';
import { StepFields } from './StepFields';

const PRIMARY: Step[] = ['accept', 'dispatch', 'take', 'resolve', 'follow_up', 'report_in'];

/** The body a step sends: the form's fields, less what the UI only uses to build it. */
async function bodyOf(step: Step, values: Record<string, unknown>): Promise<Record<string, unknown>> {
  const { photos: _photos, intoTrackingNo, ...rest } = values;
  const body: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) if (v !== undefined && v !== '') body[k] = typeof v === 'string' ? v.trim() : v;
  if (step === 'merge') {
    const found = await workOrdersApi.list({ q: String(intoTrackingNo).trim(), limit: 1 });
    if (!found.items[0]) throw new ApiError(404, 'not_found', null);
    body.intoId = found.items[0].id;
  }
  return body;
}

/** One button per step the server says this caller may take now; each opens a small form. */
export function StepButtons({ detail, onDone }: { detail: WorkOrderDetail; onDone: () => void }) {
  const t = useT();
  const { error, success } = useNotify();
  const [form] = Form.useForm<Record<string, unknown>>();
  const [step, setStep] = useState<Step | null>(null);
  const [busy, setBusy] = useState(false);
  const { order } = detail;

  const submit = async () => {
    if (!step) return;
    const values = await form.validateFields();
    setBusy(true);
    try {
      const photos = filesOf(values.photos as never);
      if (step === 'resolve' && photos.length) await workOrdersApi.uploadPhotos(order.id, photos);
      await workOrdersApi.step(order.id, step, { version: order.version, ...(await bodyOf(step, values)) });
      success(t('workOrder.done'));
      setStep(null);
      onDone();
    } catch (err) {
      error(err);
      // Someone else moved the order on: show their state rather than a stale form.
      if (err instanceof ApiError && err.status === 409) {
        setStep(null);
        onDone();
      }
    } finally {
      setBusy(false);
    }
  };

  if (detail.actions.length === 0) return null;
  return (
    <>
      <Space wrap data-testid="step-buttons">
        {detail.actions.map((a) => (
          <Button key={a} type={PRIMARY.includes(a) ? 'primary' : 'default'} danger={a === 'reject'} data-testid={`step-${a}`}
            onClick={() => { form.resetFields(); setStep(a); }}>
            {t(`step.${a}`)}
          </Button>
        ))}
      </Space>
      <Modal open={step !== null} title={step ? t(`step.${step}`) : ''} onOk={submit} onCancel={() => setStep(null)} confirmLoading={busy}
        destroyOnHidden okText={t('common.ok')} cancelText={t('common.cancel')} okButtonProps={{ 'data-testid': 'step-submit' } as Record<string, string>}>
        {step && (
          <Form form={form} layout="vertical" preserve={false} data-testid={`step-form-${step}`}>
            <StepFields step={step} detail={detail} />
          </Form>
        )}
      </Modal>
    </>
  );
}
