import { Button, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useT } from '../../app/i18n/I18nProvider';
import { percent, scoreText, type Figure, type RateRow } from './api';
import { OfficeName } from './OfficeName';

interface Props {
  rows: RateRow[];
  loading: boolean;
  selected?: string;
  onSelect: (row: RateRow) => void;
  onFigure: (row: RateRow, figure: Figure) => void;
}

/** The three rates per office: counts open the orders behind them, a row click shows its trend. */
export function RatesTable({ rows, loading, selected, onSelect, onFigure }: Props) {
  const t = useT();
  const count = (figure: Figure) => (value: number, row: RateRow) => (
    <Button type="link" size="small" style={{ padding: 0 }} disabled={value === 0} data-testid={`figure-${figure}`}
      onClick={(e) => { e.stopPropagation(); onFigure(row, figure); }}>
      {value}
    </Button>
  );
  const notSatisfied = (r: RateRow) => r.rated - r.satisfied - r.basicallySatisfied;
  const columns: ColumnsType<RateRow> = [
    { title: t('rates.rank'), dataIndex: 'rank', width: 64, fixed: 'left', render: (v: number | null) => v ?? '—' },
    { title: t('rates.name'), dataIndex: 'name', width: 200, fixed: 'left', render: (name: string, r) => <OfficeName name={name} ranked={r.rank !== null} /> },
    { title: t('rates.score'), dataIndex: 'score', width: 90, render: scoreText },
    { title: t('rates.received'), dataIndex: 'received', width: 100, render: count('received') },
    { title: t('rates.responded'), dataIndex: 'responded', width: 110, render: count('responded') },
    { title: t('rates.responseRate'), dataIndex: 'responseRate', width: 110, render: percent },
    { title: t('rates.due'), dataIndex: 'due', width: 80, render: count('due') },
    { title: t('rates.resolved'), dataIndex: 'resolved', width: 100, render: count('resolved') },
    { title: t('rates.resolutionRate'), dataIndex: 'resolutionRate', width: 110, render: percent },
    { title: t('rates.rated'), dataIndex: 'rated', width: 80, render: count('rated') },
    { title: t('rates.satisfied'), dataIndex: 'satisfied', width: 100, render: count('satisfied') },
    { title: t('rates.basicallySatisfied'), dataIndex: 'basicallySatisfied', width: 100, render: count('basicallySatisfied') },
    { title: t('rates.notSatisfied'), key: 'notSatisfied', width: 100, render: (_, r) => count('notSatisfied')(notSatisfied(r), r) },
    { title: t('rates.satisfactionRate'), dataIndex: 'satisfactionRate', width: 120, render: percent },
  ];
  return (
    <Table<RateRow>
      rowKey="officeId"
      size="small"
      loading={loading}
      dataSource={rows}
      columns={columns}
      pagination={false}
      scroll={{ x: 1500 }}
      rowClassName={(r) => (r.officeId === selected ? 'ant-table-row-selected' : '')}
      onRow={(r) => ({ onClick: () => onSelect(r), style: { cursor: 'pointer' }, 'data-testid': 'rate-row', 'data-office': r.officeId, 'data-ranked': r.rank !== null }) as React.HTMLAttributes<HTMLElement>}
    />
  );
}
