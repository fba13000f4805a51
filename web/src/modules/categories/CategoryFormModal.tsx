import { Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { UNIT_KINDS, type UnitKind } from '../../../../contracts/units';
import { ApiError } from '../../app/api/client';
import { showFieldError, validated } from '../../app/forms';
import { useNotify } from '../../app/hooks/useNotify';
import { useI18n } from '../../app/i18n/I18nProvider';
import { categoriesApi, type DemandCategory } from './api';

interface Values {
  code?: string;
  name: string;
  groupName: string;
  description?: string;
  defaultUnitId?: string | null;
  complex?: boolean;
  urgentDays?: number | null;
  criticalDays?: number | null;
  active?: boolean;
}

const FIELDS = ['code', 'name', 'groupName', 'description', 'defaultUnitId', 'urgentDays', 'criticalDays'] as const;

/** Creates a category, or edits one at the version it was read (409 when someone else saved first). */
export function CategoryFormModal({ category, units, onClose, onDone }: {
  category: DemandCategory | null; units: { id: string; kind: UnitKind; name: string }[]; onClose: () => void; onDone: () => void;
}) {
  const { t, pick } = useI18n();
  const { error, success } = useNotify();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    const input = {
      name: v.name.trim(), groupName: v.groupName.trim(), ...(v.description?.trim() ? { description: v.description.trim() } : {}),
      defaultUnitId: v.defaultUnitId ?? null, complex: Boolean(v.complex), urgentDays: v.urgentDays ?? null, criticalDays: v.criticalDays ?? null,
    };
    setSaving(true);
    try {
      if (category) await categoriesApi.update(category.id, category.version, { ...input, active: Boolean(v.active) });
      else await categoriesApi.create({ code: v.code?.trim(), ...input });
      success(category ? t('category.saved') : t('category.created'));
      onClose();
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.code === 'stale_version') {
        error(err);
        onClose();
        onDone();
      } else if (!showFieldError(form, err, FIELDS, pick)) error(err);
    } finally {
      setSaving(false);
    }
  };

  const initial: Partial<Values> = category
    ? { name: category.name, groupName: category.groupName, description: category.description ?? undefined, defaultUnitId: category.defaultUnitId,
        complex: category.complex, urgentDays: category.urgentDays, criticalDays: category.criticalDays, active: category.active }
    : { complex: false };
  const required = { required: true, whitespace: true, message: t('common.required') };
  return (
    <Modal open title={category ? `${t('category.edit')} · ${category.name}` : t('category.create')} onOk={submit} onCancel={onClose}
      confirmLoading={saving} destroyOnHidden okText={t('common.save')} cancelText={t('common.cancel')} width={560}>
      <Form form={form} layout="vertical" initialValues={initial} data-testid="category-form">
        {!category && (
          <Form.Item name="code" label={t('category.code')} extra={t('category.codeHint')}
            rules={[required, { pattern: /^[a-z0-9_-]{2,40}$/, message: t('category.codeHint') }]}>
            <Input autoComplete="off" maxLength={40} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('category.name')} rules={[required]}><Input maxLength={50} /></Form.Item>
        <Form.Item name="groupName" label={t('category.groupName')} rules={[required]}><Input maxLength={50} /></Form.Item>
        <Form.Item name="description" label={t('category.description')}><Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} /></Form.Item>
        <Form.Item name="defaultUnitId" label={t('category.defaultUnit')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('category.noUnit')} data-testid="category-unit"
            options={UNIT_KINDS.map((kind) => ({
              label: t(`workOrder.unitKinds.${kind}`),
              options: units.filter((u) => u.kind === kind).map((u) => ({ value: u.id, label: u.name })),
            })).filter((g) => g.options.length > 0)} />
        </Form.Item>
        <Form.Item name="complex" label={t('category.complex')} extra={t('category.complexHint')} valuePropName="checked"><Switch /></Form.Item>
        <Form.Item name="urgentDays" label={t('category.urgentDays')} extra={t('category.urgencyHint')}>
          <InputNumber min={1} max={60} precision={0} addonAfter={t('workOrder.workingDays')} placeholder={t('category.half')} data-testid="category-urgent-days" style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="criticalDays" label={t('category.criticalDays')} dependencies={['urgentDays']}
          rules={[({ getFieldValue }) => ({
            validator: (_, value: number | null | undefined) => {
              const urgent = getFieldValue('urgentDays') as number | null | undefined;
              return value != null && urgent != null && value > urgent ? Promise.reject(new Error(t('category.criticalLonger'))) : Promise.resolve();
            },
          })]}>
          <InputNumber min={1} max={60} precision={0} addonAfter={t('workOrder.workingDays')} placeholder={t('category.quarter')} data-testid="category-critical-days" style={{ width: 220 }} />
        </Form.Item>
        {category && <Form.Item name="active" label={t('category.enabled')} valuePropName="checked"><Switch /></Form.Item>}
      </Form>
    </Modal>
  );
}
