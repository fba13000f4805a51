import { Form, Input, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../app/api/client';
import { COMPOUND_TYPES, type CompoundType, type PlaceLevel } from '../../../../contracts/places';
import type { Place } from '../../app/api/types';
import { useNotify } from '../../app/hooks/useNotify';
import { useI18n } from '../../app/i18n/I18nProvider';
import { placesApi, type PlaceInput } from './api';
import { validated } from '../../app/forms';

type Props = { level: PlaceLevel; onClose: () => void; onDone: () => void } & (
  | { mode: 'create'; parent: Place }
  | { mode: 'edit'; place: Place }
);

interface Values {
  name: string;
  compoundType?: CompoundType;
  threeNo?: boolean;
  address?: string;
  reason?: string;
}

/** Creates a child place, or edits one with the version it was read at (a 409 means someone was faster). */
export function PlaceFormModal(props: Props) {
  const { t, pick } = useI18n();
  const { error, success } = useNotify();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const editing = props.mode === 'edit' ? props.place : null;
  const isCompound = props.level === 'compound';

  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    const input: Partial<PlaceInput> = { name: v.name.trim() };
    if (isCompound) Object.assign(input, { compoundType: v.compoundType, threeNo: Boolean(v.threeNo) });
    if (v.address?.trim()) input.address = v.address.trim();
    setSaving(true);
    try {
      if (props.mode === 'create') await placesApi.create(props.parent.id, props.level, input as PlaceInput);
      else await placesApi.update(props.place.id, props.place.version, { ...input, reason: v.reason?.trim() || undefined });
      success(props.mode === 'create' ? t('place.created') : t('place.updated'));
      props.onClose();
      props.onDone();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        error(err);
        props.onClose();
        props.onDone();
      } else if (err instanceof ApiError && err.field && err.messages && form.getFieldInstance(err.field as keyof Values)) {
        form.setFields([{ name: err.field as keyof Values, errors: [pick(err.messages)] }]);
      } else error(err);
    } finally {
      setSaving(false);
    }
  };

  const title = editing ? t('place.editTitle', { name: editing.name }) : t('place.createTitle', { level: t(`level.${props.level}`) });
  return (
    <Modal open title={title} onOk={submit} onCancel={props.onClose} confirmLoading={saving} destroyOnHidden
      okText={t('common.save')} cancelText={t('common.cancel')}>
      <Form form={form} layout="vertical" data-testid="place-form"
        initialValues={editing ? { name: editing.name, compoundType: editing.compoundType ?? undefined, threeNo: editing.threeNo } : { threeNo: false }}>
        <Form.Item name="name" label={t('place.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={100} />
        </Form.Item>
        {isCompound && (
          <>
            <Form.Item name="compoundType" label={t('place.compoundType')} rules={[{ required: true, message: t('common.required') }]}>
              <Select data-testid="compound-type" options={COMPOUND_TYPES.map((c) => ({ value: c, label: t(`compoundType.${c}`) }))} />
            </Form.Item>
            <Form.Item name="threeNo" label={t('place.threeNo')} valuePropName="checked">
              <Switch data-testid="three-no" />
            </Form.Item>
          </>
        )}
        {props.level !== 'grid' && (
          <Form.Item name="address" label={t('place.address')} extra={editing?.addressMasked ? `${editing.addressMasked} · ${t('resident.keepHint')}` : undefined}>
            <Input maxLength={200} />
          </Form.Item>
        )}
        {editing && (
          <Form.Item name="reason" label={t('place.changeReason')}>
            <Input maxLength={500} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
