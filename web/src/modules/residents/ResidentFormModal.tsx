import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../app/api/client';
import { RELATIONS, type Relation } from '../../../../contracts/places';
import type { Resident } from '../../app/api/types';
import { useNotify } from '../../app/hooks/useNotify';
import { useI18n } from '../../app/i18n/I18nProvider';
import { residentsApi, type ResidentInput } from './api';
import { validated } from '../../app/forms';

interface Values {
  name: string;
  relation: Relation;
  gender?: 'male' | 'female';
  phone?: string;
  idNumber?: string;
}

interface Props {
  householdId: string;
  resident: Resident | null;
  onClose: () => void;
  onDone: () => void;
}

/** Adds a resident to a household or edits one; phone and ID number are only sent when typed. */
export function ResidentFormModal({ householdId, resident, onClose, onDone }: Props) {
  const { t, pick } = useI18n();
  const { error, success } = useNotify();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    const input: ResidentInput = { name: v.name.trim(), relation: v.relation, gender: v.gender ?? null };
    if (v.phone?.trim()) input.phone = v.phone.trim();
    if (v.idNumber?.trim()) input.idNumber = v.idNumber.trim();
    setSaving(true);
    try {
      if (resident) await residentsApi.update(resident.id, resident.version, input);
      else await residentsApi.create(householdId, input);
      success(resident ? t('resident.updated') : t('resident.created'));
      onClose();
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        error(err);
        onClose();
        onDone();
      } else if (err instanceof ApiError && err.field && err.messages && ['name', 'relation', 'gender', 'phone', 'idNumber'].includes(err.field)) {
        form.setFields([{ name: err.field as keyof Values, errors: [pick(err.messages)] }]);
      } else error(err);
    } finally {
      setSaving(false);
    }
  };

  const keep = resident ? t('resident.keepHint') : undefined;
  return (
    <Modal open title={resident ? t('resident.edit') : t('resident.add')} onOk={submit} onCancel={onClose} confirmLoading={saving}
      destroyOnHidden okText={t('common.save')} cancelText={t('common.cancel')}>
      <Form form={form} layout="vertical" data-testid="resident-form"
        initialValues={resident ? { name: resident.name, relation: resident.relation, gender: resident.gender ?? undefined } : { relation: 'head' }}>
        <Form.Item name="name" label={t('resident.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="relation" label={t('resident.relation')} rules={[{ required: true, message: t('common.required') }]}>
          <Select options={RELATIONS.map((r) => ({ value: r, label: t(`relation.${r}`) }))} />
        </Form.Item>
        <Form.Item name="gender" label={t('resident.gender')}>
          <Select allowClear options={(['male', 'female'] as const).map((g) => ({ value: g, label: t(`gender.${g}`) }))} />
        </Form.Item>
        <Form.Item name="phone" label={t('resident.phone')} extra={resident?.phoneMasked ? `${resident.phoneMasked} · ${keep}` : undefined}>
          <Input inputMode="tel" maxLength={20} />
        </Form.Item>
        <Form.Item name="idNumber" label={t('resident.idNumber')} extra={resident?.idNumberMasked ? `${resident.idNumberMasked} · ${keep}` : undefined}>
          <Input maxLength={18} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
