import { EditOutlined, HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import type { User } from '../../app/api/types';
import { ListPage } from '../../app/components/ListPage';
import { useIsPhone } from '../../app/hooks/useIsPhone';
import { useLoad } from '../../app/hooks/useLoad';
import { useT } from '../../app/i18n/I18nProvider';
import { useSession } from '../../app/session/SessionProvider';
import { localTime } from '../timeline/format';
import { TimelineDrawer } from '../timeline/TimelineDrawer';
import { accountsApi } from './api';
import { UserFormModal } from './UserFormModal';

const PAGE_SIZE = 20;

/** The users in the caller's area, with their role bindings. */
export function AccountsPage() {
  const t = useT();
  const { can } = useSession();
  const isPhone = useIsPhone();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [timelineOf, setTimelineOf] = useState<User | null>(null);
  const { data, loading, reload } = useLoad(() => accountsApi.list(q, PAGE_SIZE, (page - 1) * PAGE_SIZE), [q, page]);

  return (
    <>
      <ListPage<User>
        title={t('user.title')}
        extra={can('user', 'create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="user-create">{t('user.create')}</Button>
        )}
        filters={<Input.Search allowClear placeholder={t('user.searchPlaceholder')} style={{ maxWidth: 320 }}
          onSearch={(v) => { setQ(v.trim()); setPage(1); }} data-testid="user-search" />}
        rowKey="id"
        size="small"
        loading={loading}
        items={data?.items ?? []}
        paging={{ page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onPage: setPage }}
        scroll={isPhone ? { x: 720 } : undefined}
        testIds={{ table: 'users-table' }}
        columns={[
          { key: 'username', title: t('user.username'), dataIndex: 'username' },
          { key: 'displayName', title: t('user.displayName'), dataIndex: 'displayName' },
          {
            key: 'roles', title: t('user.roles'),
            render: (_, u) => (
              <Space size={[4, 4]} wrap>
                {u.roles.map((r) => <Tag key={`${r.role}-${r.placeId}`}>{t(`role.${r.role}`)} · {r.placeName}</Tag>)}
              </Space>
            ),
          },
          {
            key: 'status', title: t('user.status'),
            render: (_, u) => (u.disabled ? <Tag color="default">{t('user.disabledTag')}</Tag>
              : u.locked ? <Tag color="orange">{t('user.locked')}</Tag> : <Tag color="green">{t('user.active')}</Tag>),
          },
          { key: 'createdAt', title: t('user.createdAt'), render: (_, u) => localTime(u.createdAt) },
          {
            key: 'actions', title: t('common.actions'),
            render: (_, u) => (
              <Space size={0}>
                {can('user', 'update') && (
                  <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(u)} data-testid={`user-edit-${u.username}`}>
                    {t('common.edit')}
                  </Button>
                )}
                {can('audit', 'timeline') && (
                  <Button type="link" size="small" icon={<HistoryOutlined />} onClick={() => setTimelineOf(u)} aria-label={t('common.timeline')} />
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && <UserFormModal user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onDone={reload} />}
      <TimelineDrawer open={Boolean(timelineOf)} onClose={() => setTimelineOf(null)} entityType="user"
        entityId={timelineOf?.id ?? ''} title={timelineOf?.username ?? ''} />
    </>
  );
}
