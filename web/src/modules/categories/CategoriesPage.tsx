import { EditOutlined, HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ListPage } from '../../app/components/ListPage';
import { useIsPhone } from '../../app/hooks/useIsPhone';
import { useLoad } from '../../app/hooks/useLoad';
import { useT } from '../../app/i18n/I18nProvider';
import { TimelineDrawer } from '../timeline/TimelineDrawer';
import { categoriesApi, type DemandCategory } from './api';
import { CategoryFormModal } from './CategoryFormModal';

const PAGE_SIZE = 50;

/** The district admin's catalogue of demand categories: group, default unit, complex, and the urgency time limits. */
export function CategoriesPage() {
  const t = useT();
  const isPhone = useIsPhone();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<DemandCategory | 'new' | null>(null);
  const [timelineOf, setTimelineOf] = useState<DemandCategory | null>(null);
  const categories = useLoad(() => categoriesApi.list(), []);
  const units = useLoad(() => categoriesApi.units(), []);
  const unitName = new Map((units.data?.items ?? []).map((u) => [u.id, u.name]));
  const items = categories.data?.items ?? [];
  const limit = (days: number | null, share: 'half' | 'quarter') =>
    days == null ? <Typography.Text type="secondary">{t('category.byDefault', { share: t(`category.${share}`) })}</Typography.Text> : t('category.days', { days });

  return (
    <>
      <ListPage<DemandCategory>
        title={t('category.title')}
        extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="category-create">{t('category.create')}</Button>}
        rowKey="id"
        size="small"
        loading={categories.loading}
        items={items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)}
        paging={{ page, pageSize: PAGE_SIZE, total: items.length, onPage: setPage }}
        scroll={isPhone ? { x: 900 } : undefined}
        testIds={{ table: 'categories-table' }}
        columns={[
          { key: 'group', title: t('category.groupName'), dataIndex: 'groupName' },
          { key: 'name', title: t('category.name'), dataIndex: 'name' },
          { key: 'code', title: t('category.code'), dataIndex: 'code' },
          { key: 'unit', title: t('category.defaultUnit'), render: (_, c) => (c.defaultUnitId ? unitName.get(c.defaultUnitId) ?? '' : t('category.noUnit')) },
          { key: 'complex', title: t('category.complex'), render: (_, c) => (c.complex ? t('category.yes') : t('category.no')) },
          { key: 'urgent', title: t('category.urgentDays'), render: (_, c) => limit(c.urgentDays, 'half') },
          { key: 'critical', title: t('category.criticalDays'), render: (_, c) => limit(c.criticalDays ?? null, 'quarter') },
          { key: 'active', title: t('category.active'), render: (_, c) => (c.active ? <Tag color="green">{t('category.on')}</Tag> : <Tag>{t('category.off')}</Tag>) },
          {
            key: 'actions', title: t('common.actions'),
            render: (_, c) => (
              <Space size={0}>
                <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(c)} data-testid={`category-edit-${c.code}`}>{t('common.edit')}</Button>
                <Button type="link" size="small" icon={<HistoryOutlined />} onClick={() => setTimelineOf(c)} aria-label={t('common.timeline')} />
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <CategoryFormModal category={editing === 'new' ? null : editing} units={units.data?.items ?? []} onClose={() => setEditing(null)} onDone={categories.reload} />
      )}
      <TimelineDrawer open={Boolean(timelineOf)} onClose={() => setTimelineOf(null)} entityType="category" entityId={timelineOf?.id ?? ''} title={timelineOf?.name ?? ''} />
    </>
  );
}
