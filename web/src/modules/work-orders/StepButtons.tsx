import { Button, Form, Modal, Space } from 'antd';
import { useState } from 'react';
import { WORK_ORDER_LABELS, WORK_ORDER_STEPS } from '../../../../contracts/work-order-steps';
import { ApiError } from '../../app/api/client';
import { useNotify } from '../../app/hooks/useNotify';
import { useI18n } from '../../app/i18n/I18nProvider';
import { workOrdersApi, type Step, type StepAnswer, type WorkOrderDetail } from './api';
import { filesOf } from './PhotoPicker';
import { isStepAnswer } from './step-answer';
import { stepBody } from './step-schema';
import { StepFields } from './StepFields';
import { validated } from '../../app/forms';

/** Refusals that mean the order is no longer as the form saw it. */
const MOVED_ON = ['stale_version', 'illegal_transition', 'already_decided', 'already_reported'];

export interface StepButtonsProps {
  detail: WorkOrderDetail;
  /** A step went through: `answer` is the order now; `photosAdded` when the resolve form uploaded photos first. */
  onAnswer: (step: Step, answer: StepAnswer, photosAdded: boolean) => void;
  /** The order must be fetched again (someone else moved it on, or the answer was not what the page expects). */
  onReload: () => void;
}

/** One button per step the server says this caller may take now (its label from the state table); each opens its form. */
export function StepButtons({ detail, onAnswer, onReload }: StepButtonsProps) {
  const { t, locale } = useI18n();
  const { error, success } = useNotify();
  const [form] = Form.useForm<Record<string, unknown>>();
  const [step, setStep] = useState<Step | null>(null);
  const [busy, setBusy] = useState(false);
  const { order } = detail;
  const labelOf = (a: Step) => WORK_ORDER_LABELS.steps[a][locale === 'en' ? 'en' : 'zh'];

  const submit = async () => {
    if (!step) return;
    const values = await validated(form);
    if (!values) return;
    // The same schema the server parses with: what it would refuse is shown under the field and never sent.
    const parsed = stepBody(step, order.version, values, locale, t('common.required'));
    if (!parsed.ok) return form.setFields(parsed.errors);
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
      const answer = await workOrdersApi.step(order.id, step, parsed.body);
      success(t('workOrder.done'));
      setStep(null);
      if (isStepAnswer(answer)) onAnswer(step, answer, uploaded);
      else onReload();
    } catch (err) {
      error(err);
      // Someone else moved the order on: show their state rather than a stale form. Other refusals keep what was typed.
      if (err instanceof ApiError && MOVED_ON.includes(err.code)) {
        setStep(null);
        onReload();
      } else if (uploaded) {
        onReload(); // the photos are on the order even though the step was refused
      }
    } finally {
      setBusy(false);
    }
  };

  // One extension request at a time: the server refuses a second while one waits (409 extension_pending).
  const waiting = detail.extensions.some((e) => e.state === 'pending');
  const actions = detail.actions.filter((a) => a in WORK_ORDER_STEPS && !(a === 'request_extension' && waiting));
  if (actions.length === 0) return null;
  return (
    <>
      <Space wrap data-testid="step-buttons">
        {actions.map((a) => (
          // What the order waits for is the primary step; turning it away is the dangerous one.
          <Button key={a} type={(WORK_ORDER_STEPS[a] as { awaited?: boolean }).awaited ? 'primary' : 'default'} danger={WORK_ORDER_STEPS[a].to === 'rejected'}
            data-testid={`step-${a}`} onClick={() => { form.resetFields(); setStep(a); }}>
            {labelOf(a)}
          </Button>
        ))}
      </Space>
      <Modal open={step !== null} title={step ? labelOf(step) : ''} onOk={submit} onCancel={() => setStep(null)} confirmLoading={busy}
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
