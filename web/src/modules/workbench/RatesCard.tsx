import { Card, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../app/i18n/I18nProvider';
import { useSession } from '../../app/session/SessionProvider';
import { percent, scoreText } from '../rates/api';
import type { Workbench } from './api';

/** This month's three rates of the caller's office (a district: its streets), each with its rank in the district. */
export function RatesCard({ rates }: { rates: Workbench['rates'] }) {
  const t = useT();
  const { can } = useSession();
  return (
    <Card size="small" data-testid="month-rates"
      title={<Space size={4} wrap>{t('workbench.rates')} <span>{rates.month}</span>{rates.inProgress && <Tag color="orange">{t('rates.inProgress')}</Tag>}</Space>}
      extra={can('rates', 'read') && <Link to="/rates">{t('workbench.allRates')}</Link>}>
      {rates.inProgress && <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('workbench.ratesNote')}</Typography.Paragraph>}
      <List size="small" dataSource={rates.items} rowKey="officeId" renderItem={(r) => (
        <List.Item data-testid={`rates-${r.officeId}`}>
          <div style={{ width: '100%' }}>
            <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
              <Typography.Text strong>{r.name}</Typography.Text>
              <Typography.Text data-testid="rates-rank">{r.ranked ? t('workbench.rank', { rank: r.rank ?? '—' }) : t('workbench.notRanked')}</Typography.Text>
            </Space>
            <Space size={[16, 4]} wrap>
              <span>{t('rates.responseRate')} {percent(r.responseRate)}</span>
              <span>{t('rates.resolutionRate')} {percent(r.resolutionRate)}</span>
              <span>{t('rates.satisfactionRate')} {percent(r.satisfactionRate)}</span>
              <span>{t('rates.score')} {scoreText(r.score)}</span>
            </Space>
          </div>
        </List.Item>
      )} />
    </Card>
  );
}
