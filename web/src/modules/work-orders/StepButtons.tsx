import { Button, Form, Modal, Space } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../app/api/client';
import { useNotify } from '../../app/hooks/useNotify';
import { useT } from '../../app/i18n/I18nProvider';
import { workOrdersApi, type Step, type WorkOrderDetail } from './api';
import { filesOf } from './PhotoPicker';
import { StepFields } from './StepFields';

/** Refusals that mean the order is no longer as the form saw it. */
const MOVED_ON = ['stale_version', 'illegal_transition', 'already_decided', 'already_reported'];
const PRIMARY: Step[] = ['accept', 'dispatch', 'take', 'resolve', 'follow_up', 'report_in'];

/** The body a step sends: the form's fields, trimmed, less the photos (uploaded on their own). */
function bodyOf(values: Record<string, unknown>): Record<string, unknown> {
  const { photos: _photos, ...rest } = values;
  const body: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) if (v !== undefined && v !== '') body[k] = typeof v === 'string' ? v.trim() : v;
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
    let uploaded = false;
    try {
      const photos = filesOf(values.photos as never);
      if (step === 'resolve' && photos.length) {
        await workOrdersApi.uploadPhotos(order.id, photos);
        // Uploaded: a retry after a refused step must not send them twice.
        form.setFieldValue('photos', []);
        uploaded = true;
      }
      await workOrdersApi.step(order.id, step, { version: order.version, ...bodyOf(values) });
      success(t('workOrder.done'));
      setStep(null);
      onDone();
    } catch (err) {
      error(err);
      // Someone else moved the order on: show their state rather than a stale form. Other refusals keep what was typed.
      if (err instanceof ApiError && MOVED_ON.includes(err.code)) {
        setStep(null);
        onDone();
      } else if (uploaded) {
        onDone(); // the photos are on the order even though the step was refused
      }
    } finally {
      setBusy(false);
    }
  };

  // One extension request at a time: the server refuses a second while one waits (409 extension_pending).
  const waiting = detail.extensions.some((e) => e.state === 'pending');
  const actions = detail.actions.filter((a) => !(a === 'request_extension' && waiting));
  if (actions.length === 0) return null;
  return (
    <>
      <Space wrap data-testid="step-buttons">
        {actions.map((a) => (
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
