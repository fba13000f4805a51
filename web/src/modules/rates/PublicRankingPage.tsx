import { Layout, Segmented, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useIsPhone } from '../../app/hooks/useIsPhone';
import { useLoad } from '../../app/hooks/useLoad';
import { useT } from '../../app/i18n/I18nProvider';
import { LanguageSwitch } from '../../app/layout/LanguageSwitch';
import { byStreet, lastCompleteMonth, percent, ratesApi, scoreText, type PublicRow } from './api';
import { MonthPicker } from './MonthPicker';
import { OfficeName } from './OfficeName';

/**
 * The public ranking (published for open review), no sign-in, no menu: communities grouped under their streets, each
 * with its rank among all of them. On a phone the table fits the screen's width: no count column, fixed narrow columns.
 */
export function PublicRankingPage() {
  const t = useT();
  const isPhone = useIsPhone();
  const [month, setMonth] = useState(lastCompleteMonth);
  const [level, setLevel] = useState<'street' | 'community'>('community');
  const { data, loading } = useLoad(() => ratesApi.publicRanking(month, level), [month, level]);
  const rate = isPhone ? 56 : undefined;
  // On a phone the figures keep to one line in their narrow columns.
  const fit = (text: string) => (isPhone ? <span style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{text}</span> : text);
  const columns: ColumnsType<PublicRow> = [
    { title: t('rates.rank'), dataIndex: 'rank', width: isPhone ? 36 : 64, render: (v: number | null) => v ?? '—' },
    { title: t('rates.name'), dataIndex: 'name', render: (name: string, r) => <OfficeName name={name} ranked={r.ranked} /> },
    { title: t('rates.score'), dataIndex: 'score', width: isPhone ? 48 : undefined, render: (v: number | null) => fit(scoreText(v)) },
    ...(isPhone ? [] : [{ title: t('rates.received'), dataIndex: 'received' }]),
    { title: t('rates.responseRate'), dataIndex: 'responseRate', width: rate, render: (v: number | null) => fit(percent(v)) },
    { title: t('rates.resolutionRate'), dataIndex: 'resolutionRate', width: rate, render: (v: number | null) => fit(percent(v)) },
    { title: t('rates.satisfactionRate'), dataIndex: 'satisfactionRate', width: rate, render: (v: number | null) => fit(percent(v)) },
  ];
  const current = data && data.month === month && data.level === level ? data : undefined;
  const rows = current?.items ?? [];
  // One table while loading; then communities under their streets, or the streets in one table.
  const groups = level === 'community' && rows.length ? byStreet(rows) : [{ street: null, rows }];
  return (
    <Layout style={{ minHeight: '100vh', background: '#fff' }}>
      <Layout.Header style={{ background: '#c8161d', display: 'flex', alignItems: 'center', padding: isPhone ? '0 12px' : '0 24px' }}>
        <Typography.Title level={isPhone ? 5 : 4} ellipsis style={{ margin: 0, color: '#fff', flex: 1, minWidth: 0 }}>{t('app.name')} · {t('rates.publicTitle')}</Typography.Title>
        <LanguageSwitch signedIn={false} />
      </Layout.Header>
      <Layout.Content style={{ padding: isPhone ? 8 : 24, maxWidth: 1000, width: '100%', margin: '0 auto' }}>
        <Space wrap style={{ marginBottom: 12 }}>
          <MonthPicker month={month} onChange={setMonth} testId="public-month" />
          <Segmented value={level} onChange={(v) => setLevel(v as 'street' | 'community')}
            options={[{ value: 'community', label: t('rates.community') }, { value: 'street', label: t('rates.street') }]} />
        </Space>
        {current?.inProgress && <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('rates.inProgressNote')}</Typography.Paragraph>}
        {groups.map((g) => (
          <section key={g.street?.id ?? 'all'} data-testid="public-group" style={{ marginBottom: 16 }}>
            {g.street && <Typography.Title level={5} style={{ margin: '8px 0' }} data-testid="public-group-street">{g.street.name}</Typography.Title>}
            <Table<PublicRow> rowKey="officeId" size="small" loading={loading} dataSource={g.rows} pagination={false} columns={columns}
              tableLayout={isPhone ? 'fixed' : undefined}
              onRow={(r) => ({ 'data-testid': 'public-row', 'data-ranked': r.ranked, style: r.ranked ? undefined : { color: 'rgba(0, 0, 0, 0.45)' } }) as React.HTMLAttributes<HTMLElement>} />
          </section>
        ))}
      </Layout.Content>
    </Layout>
  );
}
