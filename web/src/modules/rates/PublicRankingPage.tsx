import { DatePicker, Layout, Segmented, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useIsPhone } from '../../app/hooks/useIsPhone';
import { useLoad } from '../../app/hooks/useLoad';
import { useT } from '../../app/i18n/I18nProvider';
import { LanguageSwitch } from '../../app/layout/LanguageSwitch';
import { percent, ratesApi, scoreText, type PublicRow } from './api';

/** The public ranking (published for open review), no sign-in, no menu. */
export function PublicRankingPage() {
  const t = useT();
  const isPhone = useIsPhone();
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const [level, setLevel] = useState<'street' | 'community'>('community');
  const { data, loading } = useLoad(() => ratesApi.publicRanking(month, level), [month, level]);
  return (
    <Layout style={{ minHeight: '100vh', background: '#fff' }}>
      <Layout.Header style={{ background: '#c8161d', display: 'flex', alignItems: 'center', padding: isPhone ? '0 12px' : '0 24px' }}>
        <Typography.Title level={4} style={{ margin: 0, color: '#fff', flex: 1 }}>{t('app.name')} · {t('rates.publicTitle')}</Typography.Title>
        <LanguageSwitch signedIn={false} />
      </Layout.Header>
      <Layout.Content style={{ padding: isPhone ? 8 : 24, maxWidth: 1000, width: '100%', margin: '0 auto' }}>
        <Space wrap style={{ marginBottom: 12 }}>
          <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} disabledDate={(d) => d.isAfter(dayjs(), 'month')}
            onChange={(d) => d && setMonth(d.format('YYYY-MM'))} />
          <Segmented value={level} onChange={(v) => setLevel(v as 'street' | 'community')}
            options={[{ value: 'community', label: t('rates.community') }, { value: 'street', label: t('rates.street') }]} />
        </Space>
        <Table<PublicRow> rowKey="officeId" size="small" loading={loading} dataSource={data?.items ?? []} pagination={false} scroll={{ x: 600 }}
          onRow={(r) => ({ 'data-testid': 'public-row', 'data-ranked': r.ranked, style: r.ranked ? undefined : { color: 'rgba(0, 0, 0, 0.45)' } }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('rates.rank'), dataIndex: 'rank', width: 64, render: (v: number | null) => v ?? '—' },
            {
              title: t('rates.name'), dataIndex: 'name',
              render: (name: string, r: PublicRow) => (
                <>
                  <span data-testid="office-name">{name}</span>
                  {!r.ranked && (
                    <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8 }} data-testid="not-ranked">{t('rates.notRanked')}</Typography.Text>
                  )}
                </>
              ),
            },
            { title: t('rates.score'), dataIndex: 'score', render: scoreText },
            { title: t('rates.received'), dataIndex: 'received' },
            { title: t('rates.responseRate'), dataIndex: 'responseRate', render: percent },
            { title: t('rates.resolutionRate'), dataIndex: 'resolutionRate', render: percent },
            { title: t('rates.satisfactionRate'), dataIndex: 'satisfactionRate', render: percent },
          ]} />
      </Layout.Content>
    </Layout>
  );
}
