import { Card, Empty, List, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useIsPhone } from '../../app/hooks/useIsPhone';
import { useT } from '../../app/i18n/I18nProvider';
import { localTime } from '../timeline/format';
import type { Category, WorkOrder } from './api';
import { StateTags } from './StateTags';

interface Props {
  items: WorkOrder[];
  total: number;
  loading: boolean;
  page: number;
  onPage: (page: number) => void;
  categories: Category[];
  pageSize: number;
}

/** A table on a desktop, a list of cards on a phone (grid workers work from their phones). */
export function WorkOrderList({ items, total, loading, page, onPage, categories, pageSize }: Props) {
  const t = useT();
  const isPhone = useIsPhone();
  const categoryName = (id: string) => categories.find((c) => c.id === id)?.name ?? '';
  const pagination = { current: page, pageSize, total, onChange: onPage, showSizeChanger: false, size: 'small' as const };

  if (isPhone) {
    return (
      <List
        loading={loading}
        dataSource={items}
        pagination={total > pageSize ? { ...pagination, align: 'center' } : false}
        locale={{ emptyText: <Empty description={t('workOrder.empty')} /> }}
        renderItem={(o) => (
          <Link to={`/work-orders/${o.id}`} data-testid="work-order-card" data-id={o.id} style={{ display: 'block', marginBottom: 8 }}>
            <Card size="small" hoverable>
              <Typography.Text strong>{o.title}</Typography.Text>
              <div style={{ margin: '4px 0' }}><StateTags order={o} /></div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {o.trackingNo} · {t(`channel.${o.channel}`)} · {categoryName(o.categoryId)} · {localTime(o.receivedAt)}
              </Typography.Text>
            </Card>
          </Link>
        )}
      />
    );
  }
  return (
    <Table<WorkOrder>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={pagination}
      locale={{ emptyText: <Empty description={t('workOrder.empty')} /> }}
      onRow={(o) => ({ 'data-testid': 'work-order-row', 'data-id': o.id }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('workOrder.trackingNo'), dataIndex: 'trackingNo', width: 170, render: (v: string, o) => <Link to={`/work-orders/${o.id}`}>{v}</Link> },
        { title: t('workOrder.title'), dataIndex: 'title', ellipsis: true },
        { title: t('workOrder.state'), key: 'state', width: 220, render: (_, o) => <StateTags order={o} /> },
        { title: t('workOrder.channel'), dataIndex: 'channel', width: 110, render: (c: string) => t(`channel.${c}` as 'channel.h5') },
        { title: t('workOrder.category'), dataIndex: 'categoryId', width: 140, render: categoryName },
        { title: t('workOrder.receivedAt'), dataIndex: 'receivedAt', width: 160, render: localTime },
        { title: t('workOrder.resolveDue'), dataIndex: 'resolveDue', width: 160, render: (v: string | null) => (v ? localTime(v) : t('common.none')) },
      ]}
    />
  );
}
