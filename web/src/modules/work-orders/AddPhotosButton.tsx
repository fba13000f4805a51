import { CameraOutlined } from '@ant-design/icons';
import { Button, Form, Modal, type UploadFile } from 'antd';
import { useState } from 'react';
import { useNotify } from '../../app/hooks/useNotify';
import { useT } from '../../app/i18n/I18nProvider';
import { workOrdersApi } from './api';
import { filesOf, PhotoPicker } from './PhotoPicker';
import { validated } from '../../app/forms';

/** The taker adds photos of the work while holding the order, not only in the resolve form. */
export function AddPhotosButton({ orderId, max, onDone }: { orderId: string; max: number; onDone: () => void }) {
  const t = useT();
  const { error, success } = useNotify();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ photos: UploadFile[] }>();
  const submit = async () => {
    const values = await validated(form);
    if (!values) return;
    const { photos } = values;
    setBusy(true);
    try {
      await workOrdersApi.uploadPhotos(orderId, filesOf(photos));
      success(t('workOrder.photosAdded'));
      setOpen(false);
      onDone();
    } catch (err) {
      error(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button icon={<CameraOutlined />} disabled={max === 0} onClick={() => { form.resetFields(); setOpen(true); }} data-testid="add-photos">
        {t('workOrder.addPhotos')}
      </Button>
      <Modal open={open} title={t('workOrder.addPhotos')} onOk={submit} onCancel={() => setOpen(false)} confirmLoading={busy} destroyOnHidden
        okText={t('workOrder.upload')} cancelText={t('common.cancel')} okButtonProps={{ 'data-testid': 'add-photos-submit' } as Record<string, string>}>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="photos" label={t('workOrder.photosLeft', { count: max })} rules={[{ required: true, type: 'array', min: 1, message: t('workOrder.pickPhotos') }]}>
            <PhotoPicker max={max} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
