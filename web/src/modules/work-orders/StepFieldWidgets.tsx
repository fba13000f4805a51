import { Checkbox, Form, Input, InputNumber, Radio, Select, Typography, type FormRule } from 'antd';
import type { ReactNode } from 'react';
import { z } from 'zod';
import { useLoad } from '../../app/hooks/useLoad';
import { useI18n, useT } from '../../app/i18n/I18nProvider';
import { localTime } from '../timeline/format';
import { workOrdersApi, type WorkOrderDetail } from './api';
import { AssigneeField } from './AssigneeField';
import { MergeTargetField } from './MergeTargetField';
import { PlaceSelect } from '../places/PlaceSelect';
import { bound, inner, schemaRule, type StepField, type StepFieldName } from './step-schema';
import { UnitsField } from './UnitsField';

export interface WidgetProps { field: StepField; label: string; rules: FormRule[]; detail: WorkOrderDetail }
type Widget = (props: WidgetProps) => ReactNode;

/** The options of an enum schema (rating, demand type): the web offers exactly what the server accepts. */
const optionsOf = (schema: z.ZodType) => (inner(schema) as z.ZodEnum).options as string[];

function TextWidget({ field, label, rules }: WidgetProps) {
  const max = bound(field.schema, 'max_length');
  return (
    <Form.Item name={field.name} label={label} rules={rules} required={!field.optional}>
      <Input.TextArea rows={max && max > 500 ? 3 : 2} maxLength={max} />
    </Form.Item>
  );
}

/** A refusal says why (the taker reads it); an approval or a merge may. */
function ReasonWidget(props: WidgetProps) {
  const t = useT();
  const approve = Form.useWatch('approve') as boolean | undefined;
  const refusing = props.field.optional && approve === false;
  const rules = refusing ? [{ required: true, whitespace: true, message: t('common.required') }, ...props.rules] : props.rules;
  return <TextWidget {...props} rules={rules} field={{ ...props.field, optional: props.field.optional && !refusing }} />;
}

const useDue = (detail: WorkOrderDetail) => {
  const t = useT();
  return t('workOrder.extensionHint', { due: detail.order.resolveDue ? localTime(detail.order.resolveDue) : t('common.none') });
};

function DaysWidget({ field, label, rules, detail }: WidgetProps) {
  const t = useT();
  const n = inner(field.schema) as z.ZodNumber;
  return (
    <Form.Item name={field.name} label={label} rules={rules} required={!field.optional} extra={useDue(detail)}>
      <InputNumber min={n.minValue ?? undefined} max={n.maxValue ?? undefined} precision={n.isInt ? 0 : undefined} style={{ width: 160 }}
        suffix={t('workOrder.workingDays')} />
    </Form.Item>
  );
}

/** The request being decided: the one pending (the server takes one at a time), sent by its id and shown by what it asks. */
function RequestWidget({ field, label, rules, detail }: WidgetProps) {
  const t = useT();
  const pending = detail.extensions.find((e) => e.state === 'pending');
  return (
    <>
      <Form.Item name={field.name} hidden initialValue={pending?.id} rules={rules}><Input /></Form.Item>
      <Form.Item label={label} extra={useDue(detail)}>
        <Typography.Text data-testid="extension-request">
          {pending ? `${t('workOrder.extensionDays', { days: pending.days })} · ${pending.reason}` : t('common.none')}
        </Typography.Text>
      </Form.Item>
    </>
  );
}

function ApproveWidget({ field, label, rules }: WidgetProps) {
  const t = useT();
  return (
    <Form.Item name={field.name} label={label} initialValue={true} rules={rules} required={!field.optional}>
      <Radio.Group optionType="button" options={[{ value: true, label: t('workOrder.approve') }, { value: false, label: t('workOrder.refuse') }]} />
    </Form.Item>
  );
}

function RatingWidget({ field, label, rules }: WidgetProps) {
  const { tr } = useI18n();
  return (
    <Form.Item name={field.name} label={label} rules={rules} required={!field.optional}>
      <Radio.Group options={optionsOf(field.schema).map((r) => ({ value: r, label: tr(`rating.${r}`, r) }))} />
    </Form.Item>
  );
}

/** Accepting may correct the type; left empty it stays as filed. */
function DemandTypeWidget({ field, label, rules, detail }: WidgetProps) {
  const { tr } = useI18n();
  return (
    <Form.Item name={field.name} label={label} rules={rules} required={!field.optional}>
      <Select allowClear placeholder={tr(`demandType.${detail.order.demandType}`, detail.order.demandType)}
        options={optionsOf(field.schema).map((d) => ({ value: d, label: tr(`demandType.${d}`, d) }))} />
    </Form.Item>
  );
}

/** Accepting grades the urgency (shortening the deadline); left as it is, it stays as filed. */
function UrgencyWidget({ field, label, rules, detail }: WidgetProps) {
  const t = useT();
  return (
    <Form.Item name={field.name} label={label} rules={rules} required={!field.optional} extra={t('workOrder.urgencyHint')}>
      <Radio.Group optionType="button" data-testid="accept-urgency"
        options={optionsOf(field.schema).map((u) => ({ value: u, label: `${t(`urgency.${u}` as never)}${u === detail.order.urgency ? ' ✓' : ''}` }))} />
    </Form.Item>
  );
}

/** The caller asked that the handling units not learn who they are (是否保密); once marked, it stays so. */
function ConfidentialWidget({ field, label, rules, detail }: WidgetProps) {
  const t = useT();
  return (
    <Form.Item name={field.name} label={label} rules={rules} valuePropName="checked" initialValue={detail.order.confidential || undefined}>
      <Checkbox disabled={detail.order.confidential} data-testid="accept-confidential">{t('workOrder.confidentialHint')}</Checkbox>
    </Form.Item>
  );
}

/** Accepting may correct the category; left empty it stays as filed. */
function CategoryWidget({ field, label, rules, detail }: WidgetProps) {
  const categories = useLoad(() => workOrdersApi.categories(), []);
  const items = categories.data?.items ?? [];
  const current = items.find((c) => c.id === detail.order.categoryId);
  return (
    <Form.Item name={field.name} label={label} rules={rules} required={!field.optional}>
      <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={categories.loading}
        placeholder={current && `${current.groupName} / ${current.name}`}
        options={items.filter((c) => c.active).map((c) => ({ value: c.id, label: `${c.groupName} / ${c.name}` }))} />
    </Form.Item>
  );
}

/** The assignee is two fields (user or unit, and which); the schema checks the one that can be left empty. */
function AssigneeWidget({ field, label, detail }: WidgetProps) {
  const { locale, t } = useI18n();
  const id = (inner(field.schema) as z.ZodObject).shape.id as z.ZodType;
  return <AssigneeField officeId={detail.order.officeId} placeId={detail.order.placeId} label={label}
    rules={[schemaRule({ schema: id, optional: false }, locale, t('common.required'))]} />;
}

/** Where an unplaced demand lies: a community, grid, compound or building found by typing its name (the caller's places only). */
function PlaceWidget({ field, label, rules }: Pick<WidgetProps, 'field' | 'label' | 'rules'>) {
  const t = useT();
  return (
    <Form.Item name={field.name} label={label} rules={rules} required={!field.optional} extra={t('workOrder.placeHint')}>
      <PlaceSelect placeholder={t('workOrder.pickPlace')} testId="place-target" />
    </Form.Item>
  );
}

/** The widget of each field a step's schema may ask for; a field without one does not compile. */
export const WIDGETS: Record<StepFieldName, Widget> = {
  reason: ReasonWidget,
  note: TextWidget,
  result: TextWidget,
  comment: TextWidget,
  assignee: AssigneeWidget,
  unitIds: ({ field, label, rules, detail }) => (
    <UnitsField called={detail.units.map((u) => u.id)} label={label} rules={rules} required={!field.optional} max={bound(field.schema, 'max_length')} />
  ),
  days: DaysWidget,
  requestId: RequestWidget,
  approve: ApproveWidget,
  rating: RatingWidget,
  intoId: ({ label, rules, detail }) => <MergeTargetField order={detail.order} label={label} rules={rules} />,
  placeId: ({ field, label, rules }) => <PlaceWidget field={field} label={label} rules={rules} />,
  categoryId: CategoryWidget,
  demandType: DemandTypeWidget,
  urgency: UrgencyWidget,
  confidential: ConfidentialWidget,
};
