import { Button, Form, Input, Modal, Space, Tag } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../app/api/client';
import { useNotify } from '../../app/hooks/useNotify';
import { useT } from '../../app/i18n/I18nProvider';
import type { AnnouncementAction, AnnouncementState } from '../../../../contracts/announcements';
import { announcementsApi } from './api';
import { validated } from '../../app/forms';

const COLOR: Record<AnnouncementState, string> = { draft: 'default', published: 'green', withdrawn: 'orange' };

export function StateTag({ state }: { state: AnnouncementState }) {
  const t = useT();
  return <Tag color={COLOR[state]} data-testid="announcement-state">{t(`announcement.states.${state}`)}</Tag>;
}

interface StepProps {
  id: string;
  version: number;
  /** What the server says this caller may do now; `edit` is the editor's own form, not a button here. */
  actions: readonly AnnouncementAction[];
  onDone: () => void;
}

/** Publish and withdraw, as the server offers them; withdrawing asks why. */
export function StepButtons({ id, version, actions, onDone }: StepProps) {
  const t = useT();
  const { error, success } = useNotify();
  const [form] = Form.useForm<{ reason: string }>();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const take = async (action: AnnouncementAction, body: Record<string, unknown> = {}) => {
    setBusy(true);
    try {
      await announcementsApi.step(id, action, { version, ...body });
      success(t(action === 'publish' ? 'announcement.published' : 'announcement.withdrawn'));
      setAsking(false);
      onDone();
    } catch (err) {
      error(err);
      // Someone else moved it on: show where it is now.
      if (err instanceof ApiError && err.status === 409) onDone();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space wrap>
      {actions.includes('publish') && (
        <Button type="primary" loading={busy} onClick={() => void take('publish')} data-testid="announcement-publish">{t('announcement.steps.publish')}</Button>
      )}
      {actions.includes('withdraw') && (
        <Button danger onClick={() => { form.resetFields(); setAsking(true); }} data-testid="announcement-withdraw">{t('announcement.steps.withdraw')}</Button>
      )}
      <Modal open={asking} title={t('announcement.steps.withdraw')} onCancel={() => setAsking(false)} confirmLoading={busy} destroyOnHidden
        onOk={async () => { const v = await validated(form); if (v) await take('withdraw', v); }} okText={t('common.ok')} cancelText={t('common.cancel')}
        okButtonProps={{ 'data-testid': 'withdraw-submit' } as Record<string, string>}>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={t('announcement.withdrawReason')} rules={[{ required: true, min: 2, whitespace: true, message: t('common.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
