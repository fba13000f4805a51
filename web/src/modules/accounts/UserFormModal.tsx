import { Form, Input, Modal, Switch } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../app/api/client';
import type { User } from '../../app/api/types';
import { useNotify } from '../../app/hooks/useNotify';
import { useI18n } from '../../app/i18n/I18nProvider';
import { accountsApi, type RoleInput } from './api';
import { RoleBindingsField } from './RoleBindingsField';

interface Values {
  username: string;
  displayName: string;
  password?: string;
  disabled?: boolean;
  roles: RoleInput[];
}

/** Creates an account, or edits one at the version it was read (409 when someone else saved first). */
export function UserFormModal({ user, onClose, onDone }: { user: User | null; onClose: () => void; onDone: () => void }) {
  const { t, pick } = useI18n();
  const { error, success } = useNotify();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const labels = Object.fromEntries((user?.roles ?? []).map((r) => [r.placeId, r.placeName]));

  const submit = async () => {
    const v = await form.validateFields();
    const roles = v.roles.map((r) => ({ role: r.role, placeId: r.placeId }));
    setSaving(true);
    try {
      if (user) {
        await accountsApi.update(user.id, user.version, {
          displayName: v.displayName.trim(), disabled: Boolean(v.disabled), roles, ...(v.password ? { password: v.password } : {}),
        });
      } else {
        await accountsApi.create({ username: v.username.trim(), displayName: v.displayName.trim(), password: v.password ?? '', roles });
      }
      success(user ? t('user.updated') : t('user.created'));
      onClose();
      onDone();
    } catch (err) {
      const field = err instanceof ApiError ? err.field?.split('.')[0] : undefined;
      if (err instanceof ApiError && err.status === 409 && err.code === 'stale_version') {
        error(err);
        onClose();
        onDone();
      } else if (err instanceof ApiError && err.messages && field && ['username', 'displayName', 'password'].includes(field)) {
        form.setFields([{ name: field as keyof Values, errors: [pick(err.messages)] }]);
      } else error(err);
    } finally {
      setSaving(false);
    }
  };

  const initial = user
    ? { displayName: user.displayName, disabled: user.disabled, roles: user.roles.map((r) => ({ role: r.role, placeId: r.placeId })) }
    : { roles: [{}] };
  return (
    <Modal open title={user ? `${t('user.edit')} · ${user.username}` : t('user.create')} onOk={submit} onCancel={onClose}
      confirmLoading={saving} destroyOnHidden okText={t('common.save')} cancelText={t('common.cancel')} width={620}>
      <Form form={form} layout="vertical" initialValues={initial} data-testid="user-form">
        {!user && (
          <Form.Item name="username" label={t('user.username')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input autoComplete="off" maxLength={32} />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={t('user.displayName')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="password" label={user ? t('user.resetPassword') : t('user.password')} extra={user ? t('user.resetPasswordHint') : undefined}
          rules={user ? [] : [{ required: true, message: t('common.required') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {user && (
          <Form.Item name="disabled" label={t('user.disabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
        <Form.Item label={t('user.roles')} required>
          <RoleBindingsField labels={labels} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
