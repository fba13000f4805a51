import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Space, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { useNavigate } from 'react-router';
import { useNotify } from '../hooks/useNotify';
import { useT } from '../i18n/I18nProvider';
import { useMe, useSession } from '../session/SessionProvider';
import { lazyNamed } from '../lazy';

const ChangePasswordModal = lazyNamed(() => import('./ChangePasswordModal'), 'ChangePasswordModal');

/** Display name and first role in the header; the menu holds password change and sign out. */
export function UserMenu({ compact }: { compact: boolean }) {
  const t = useT();
  const me = useMe();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const { success } = useNotify();
  const [changing, setChanging] = useState(false);
  const roleLines = me.roles.map((r) => `${t(`role.${r.role}`)} · ${r.placeName}`);

  const items = [
    // On a phone the header has room for the avatar only, so the name heads the menu.
    ...(compact ? [{ key: 'name', label: <strong>{me.user.displayName}</strong>, disabled: true }] : []),
    ...roleLines.map((line, i) => ({ key: `role-${i}`, label: line, disabled: true })),
    { type: 'divider' as const },
    { key: 'password', icon: <KeyOutlined />, label: t('auth.changePassword'), onClick: () => setChanging(true) },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      label: t('auth.signOut'),
      onClick: async () => {
        await signOut();
        success(t('auth.signedOut'));
        navigate('/login', { replace: true });
      },
    },
  ];

  return (
    <>
      <Dropdown menu={{ items }} trigger={['click']}>
        <Button type="text" data-testid="user-menu" style={{ height: 'auto', padding: '4px 8px' }}>
          <Space size={8}>
            <Avatar size="small" icon={<UserOutlined />} />
            {!compact && (
              <span style={{ display: 'inline-flex', flexDirection: 'column', alignItems: 'flex-start', lineHeight: 1.3 }}>
                <Typography.Text strong>{me.user.displayName}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{roleLines[0] ?? ''}</Typography.Text>
              </span>
            )}
          </Space>
        </Button>
      </Dropdown>
      {changing && (
        <Suspense fallback={null}>
          <ChangePasswordModal open onClose={() => setChanging(false)} />
        </Suspense>
      )}
    </>
  );
}
