import { Card, Empty, List, Table, type TableProps } from 'antd';
import type { Key, ReactNode } from 'react';
import { useIsPhone } from '../hooks/useIsPhone';
import { useT } from '../i18n/I18nProvider';

/** One page of a list the server pages (`limit` / `offset`, `{ items, total }`). */
export interface Paging {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}

export interface ListPageProps<T> extends Omit<TableProps<T>, 'title' | 'pagination' | 'dataSource' | 'rowKey'> {
  title: ReactNode;
  /** Beside the title: the page's buttons. */
  extra?: ReactNode;
  /** Above the list: search, selects, tabs. */
  filters?: ReactNode;
  items: T[];
  rowKey: keyof T & string;
  paging: Paging;
  /** What an empty list says (default: antd's "no data"). */
  empty?: string;
  /** On a phone, one card per item instead of the table (which would not fit at 390px). */
  card?: (item: T) => ReactNode;
  /** A small card, inside another page (a household's residents). */
  compact?: boolean;
  testIds?: { page?: string; table?: string; cards?: string };
}

/** A titled card with filters and a paged table (or cards on a phone), the total shown as "共 N 条". */
export function ListPage<T extends object>(props: ListPageProps<T>) {
  const { title, extra, filters, items, rowKey, paging, empty, card, compact, testIds, ...table } = props;
  const t = useT();
  const isPhone = useIsPhone();
  const { page, pageSize, total, onPage } = paging;
  const emptyText = empty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> : undefined;

  const body = isPhone && card ? (
    <List<T>
      loading={table.loading}
      dataSource={items}
      rowKey={(item) => item[rowKey] as Key}
      locale={emptyText ? { emptyText } : undefined}
      pagination={total > pageSize ? { current: page, pageSize, total, onChange: onPage, simple: true, size: 'small', align: 'center' } : false}
      renderItem={card}
      data-testid={testIds?.cards}
    />
  ) : (
    <Table<T>
      size="middle"
      {...table}
      rowKey={rowKey}
      dataSource={items}
      locale={emptyText ? { emptyText } : undefined}
      pagination={{ current: page, pageSize, total, onChange: onPage, showSizeChanger: false, showTotal: (n) => t('common.total', { total: n }) }}
      data-testid={testIds?.table}
    />
  );
  return (
    <Card title={title} extra={extra} size={compact || isPhone ? 'small' : undefined} data-testid={testIds?.page}>
      {filters && <div style={{ marginBottom: 12 }}>{filters}</div>}
      {body}
    </Card>
  );
}
