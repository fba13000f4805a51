import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { Place } from '../../app/api/types';
import { useNotify } from '../../app/hooks/useNotify';
import { useT } from '../../app/i18n/I18nProvider';
import { placesApi } from './api';
import { PlaceSelect } from './PlaceSelect';
import { validated } from '../../app/forms';

interface Values {
  newParentId: string;
  reason: string;
}

/** Moves a compound to another grid; the reason is required and lands in the event log. */
export function MovePlaceModal({ place, onClose, onDone }: { place: Place; onClose: () => void; onDone: (newParentId: string) => void }) {
  const t = useT();
  const { error, success } = useNotify();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    setSaving(true);
    try {
      await placesApi.move(place.id, place.version, v.newParentId, v.reason.trim());
      success(t('place.moved'));
      onClose();
      onDone(v.newParentId);
    } catch (err) {
      error(err);
      // A stale version: close and show the record as it now is.
      if (err && typeof err === 'object' && 'status' in err && err.status === 409) {
        onClose();
        onDone(place.parentId ?? place.id);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title={t('place.moveTitle', { name: place.name })} onOk={submit} onCancel={onClose} confirmLoading={saving} destroyOnHidden
      okText={t('common.ok')} cancelText={t('common.cancel')}>
      <Form form={form} layout="vertical">
        <Form.Item name="newParentId" label={t('place.newParent')} rules={[{ required: true, message: t('common.required') }]}>
          <PlaceSelect level="grid" placeholder={t('place.newParentPlaceholder')} testId="move-target" />
        </Form.Item>
        <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, whitespace: true, min: 2, message: t('common.reasonRequired') }]}>
          <Input.TextArea rows={2} maxLength={500} placeholder={t('common.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
