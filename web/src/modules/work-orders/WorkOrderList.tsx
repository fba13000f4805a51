import { Card, Space, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useColumnPicker } from '../../app/components/ColumnPicker';
import { ListPage, type Paging } from '../../app/components/ListPage';
import { useIsPhone } from '../../app/hooks/useIsPhone';
import { useT } from '../../app/i18n/I18nProvider';
import { useMe } from '../../app/session/SessionProvider';
import { localTime } from '../timeline/format';
import type { Category, WorkOrder } from './api';
import { AwaitTags, HolderName, PlaceChain } from './OrderFacts';
import { StateTags } from './StateTags';

interface Props {
  title: ReactNode;
  extra: ReactNode;
  filters: ReactNode;
  items: WorkOrder[];
  loading: boolean;
  paging: Paging;
  categories: Category[];
  /** The inbox: each row says what is expected of me. */
  inbox?: boolean;
  /** The rows I picked for a batch step (desktop only); absent: no selection. */
  selection?: { keys: string[]; onChange: (keys: string[]) => void };
}

/** The inbox: a table on a desktop, a list of cards on a phone (grid workers work from their phones). */
export function WorkOrderList({ title, extra, filters, items, loading, paging, categories, inbox = false, selection }: Props) {
  const t = useT();
  const me = useMe();
  const isPhone = useIsPhone();
  const categoryName = (id: string) => categories.find((c) => c.id === id)?.name ?? '';
  const card = (o: WorkOrder) => (
    <Link to={`/work-orders/${o.id}`} data-testid="work-order-card" data-id={o.id} style={{ display: 'block', marginBottom: 8 }}>
      <Card size="small" hoverable>
        <Typography.Text strong>{o.title}</Typography.Text>
        <div style={{ margin: '4px 0' }}><AwaitTags order={o} /><StateTags order={o} /></div>
        <div style={{ fontSize: 12 }}><PlaceChain order={o} /></div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('workOrder.holder')}:<HolderName order={o} /> · {o.trackingNo} · {t(`channel.${o.channel}`)} · {categoryName(o.categoryId)} · {localTime(o.receivedAt)}
        </Typography.Text>
      </Card>
    </Link>
  );
  const all: ColumnType<WorkOrder>[] = [
    { title: t('workOrder.trackingNo'), dataIndex: 'trackingNo', width: 170, render: (v: string, o) => <Link to={`/work-orders/${o.id}`}>{v}</Link> },
    { title: t('workOrder.title'), dataIndex: 'title', ellipsis: true },
    ...(inbox ? [{ title: t('workOrder.expected'), key: 'awaits', width: 120, render: (_: unknown, o: WorkOrder) => <AwaitTags order={o} /> }] : []),
    { title: t('workOrder.place'), key: 'place', width: 260, render: (_, o) => <PlaceChain order={o} /> },
    { title: t('workOrder.holder'), key: 'holder', width: 150, render: (_, o) => <HolderName order={o} /> },
    { title: t('workOrder.state'), key: 'state', width: 200, render: (_, o) => <StateTags order={o} /> },
    { title: t('workOrder.channel'), dataIndex: 'channel', width: 110, render: (c: WorkOrder['channel']) => t(`channel.${c}`) },
    { title: t('workOrder.category'), dataIndex: 'categoryId', width: 140, render: categoryName },
    { title: t('workOrder.receivedAt'), dataIndex: 'receivedAt', width: 160, render: localTime },
    { title: t('workOrder.resolveDue'), dataIndex: 'resolveDue', width: 160, render: (v: string | null) => (v ? localTime(v) : t('common.none')) },
  ];
  // The tracking number opens the order: always there.
  const picked = useColumnPicker('work-orders', me.user.id, all, ['trackingNo']);
  return (
    <ListPage<WorkOrder>
      title={title}
      extra={isPhone ? extra : <Space>{extra}{picked.picker}</Space>}
      filters={filters}
      rowKey="id"
      items={items}
      loading={loading}
      paging={paging}
      empty={t('workOrder.empty')}
      card={card}
      testIds={{ page: 'work-orders-page' }}
      scroll={{ x: 1400 }}
      rowSelection={selection && { selectedRowKeys: selection.keys, onChange: (keys) => selection.onChange(keys as string[]), getCheckboxProps: (o) => ({ 'data-testid': `select-${o.id}` }) as never }}
      onRow={(o) => ({ 'data-testid': 'work-order-row', 'data-id': o.id }) as React.HTMLAttributes<HTMLElement>}
      columns={picked.columns}
    />
  );
}
