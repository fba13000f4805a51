import { Form, Input, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { UNIT_KINDS } from '../../../../contracts/units';
import { ApiError } from '../../app/api/client';
import type { User } from '../../app/api/types';
import { useLoad } from '../../app/hooks/useLoad';
import { useNotify } from '../../app/hooks/useNotify';
import { useI18n } from '../../app/i18n/I18nProvider';
import { accountsApi, type Account, type RoleInput } from './api';
import { RoleBindingsField } from './RoleBindingsField';
import { showFieldError, validated } from '../../app/forms';

interface Values {
  username: string;
  displayName: string;
  password?: string;
  disabled?: boolean;
  roles: RoleInput[];
  unitId?: string | null;
}

const isContact = (roles: Partial<RoleInput>[] | undefined) => (roles ?? []).some((r) => r?.role === 'partner_contact');

/** Creates an account, or edits one at the version it was read (409 when someone else saved first). */
export function UserFormModal({ user, onClose, onDone }: { user: User | null; onClose: () => void; onDone: () => void }) {
  const { t, pick } = useI18n();
  const { error, success } = useNotify();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const labels = Object.fromEntries((user?.roles ?? []).map((r) => [r.placeId, r.placeName]));
  // A partner unit's or department's contact is linked to that unit: the picker shows with the partner_contact role.
  const contact = isContact(Form.useWatch('roles', form));
  const units = useLoad(() => accountsApi.linkableUnits(), []);

  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    const roles = v.roles.map((r) => ({ role: r.role, placeId: r.placeId }));
    const unitId = isContact(roles) ? v.unitId ?? null : null;
    setSaving(true);
    try {
      if (user) {
        await accountsApi.update(user.id, user.version, {
          displayName: v.displayName.trim(), disabled: Boolean(v.disabled), roles, unitId, ...(v.password ? { password: v.password } : {}),
        });
      } else {
        await accountsApi.create({ username: v.username.trim(), displayName: v.displayName.trim(), password: v.password ?? '', roles, ...(unitId ? { unitId } : {}) });
      }
      success(user ? t('user.updated') : t('user.created'));
      onClose();
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.code === 'stale_version') {
        error(err);
        onClose();
        onDone();
      } else if (!showFieldError(form, err, ['username', 'displayName', 'password', 'unitId'], pick)) error(err);
    } finally {
      setSaving(false);
    }
  };

  const initial = user
    ? { displayName: user.displayName, disabled: user.disabled, roles: user.roles.map((r) => ({ role: r.role, placeId: r.placeId })), unitId: (user as Account).unitId ?? undefined }
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
        {contact && (
          <Form.Item name="unitId" label={t('user.unit')} extra={t('user.unitHint')}>
            <Select allowClear showSearch optionFilterProp="label" placeholder={t('user.unitPlaceholder')} loading={units.loading} data-testid="user-unit"
              options={UNIT_KINDS.map((kind) => ({
                label: t(`workOrder.unitKinds.${kind}`),
                options: (units.data?.items ?? []).filter((u) => u.kind === kind).map((u) => ({ value: u.id, label: u.name })),
              })).filter((g) => g.options.length > 0)} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
