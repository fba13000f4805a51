import { Alert, Form } from 'antd';
import { useI18n } from '../../app/i18n/I18nProvider';
import type { Step, WorkOrderDetail } from './api';
import { PhotoPicker } from './PhotoPicker';
import { resolvePhotosLeft } from './photos';
import { schemaRule, stepFields } from './step-schema';
import { WIDGETS } from './StepFieldWidgets';

/** Beside its schema's fields, resolving warns of units yet to report in and takes photos of the work (uploaded on their own). */
function ResolveWarning({ detail }: { detail: WorkOrderDetail }) {
  const { t } = useI18n();
  const unreported = detail.units.filter((u) => !u.reportedAt).map((u) => u.name);
  return unreported.length > 0 && (
    <Alert type="warning" showIcon style={{ marginBottom: 16 }} data-testid="units-pending" title={t('workOrder.unitsPending', { units: unreported.join('、') })} />
  );
}

function ResolvePhotos({ detail }: { detail: WorkOrderDetail }) {
  const { t } = useI18n();
  const left = resolvePhotosLeft(detail);
  return left > 0 && <Form.Item name="photos" label={t('workOrder.resolvePhotos')}><PhotoPicker max={left} /></Form.Item>;
}

/** A step's form, built from its input schema (contracts ZStep): one widget per field, each checked by the field's schema. */
export function StepFields({ step, detail }: { step: Step; detail: WorkOrderDetail }) {
  const { t, tr, locale } = useI18n();
  const required = t('common.required');
  return (
    <>
      {step === 'resolve' && <ResolveWarning detail={detail} />}
      {stepFields(step).map((field) => {
        const Widget = WIDGETS[field.name];
        if (!Widget) {
          // The map is typed over every schema field; this only fires if the contracts change under a stale build.
          if (import.meta.env.DEV) throw new Error(`No widget for the field ${field.name} of step ${step}`);
          console.error(`No widget for the field ${field.name} of step ${step}`);
          return null;
        }
        // A step may name a field its own way (a unit's note is what it did); otherwise the field's name.
        const label = tr(`stepField.${step}.${field.name}`, t(`field.${field.name}`));
        return <Widget key={field.name} field={field} label={label} rules={[schemaRule(field, locale, required)]} detail={detail} />;
      })}
      {step === 'resolve' && <ResolvePhotos detail={detail} />}
    </>
  );
}
