import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Space, Spin, Typography } from 'antd';
import { Link } from 'react-router';
import { useLoad } from '../../app/hooks/useLoad';
import { useT } from '../../app/i18n/I18nProvider';
import { useMenu } from '../../app/layout/menu';
import { useSession } from '../../app/session/SessionProvider';
import { workbenchApi } from './api';
import { IntakeCard } from './IntakeCard';
import { RatesCard } from './RatesCard';
import { WaitingCards } from './WaitingCards';

/** 工作台: a staff user's first screen. Cards stack on a phone (two to a row), so nothing scrolls sideways. */
export function WorkbenchPage() {
  const t = useT();
  const { can } = useSession();
  const { data } = useLoad(() => workbenchApi.get(), []);
  const shortcuts = useMenu().filter((e) => e.key !== '/workbench');
  if (!data) return <Spin style={{ display: 'block', margin: 48 }} />;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('workbench.title')} · <span data-testid="workbench-place">{data.place.name}</span>
      </Typography.Title>
      <Typography.Text type="secondary">{t('workbench.waiting')}</Typography.Text>
      <WaitingCards data={data} />
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}><IntakeCard today={data.today} /></Col>
        <Col xs={24} lg={12}><RatesCard rates={data.rates} /></Col>
      </Row>
      <Card size="small" title={t('workbench.shortcuts')}>
        <Space wrap>
          {can('work_order', 'file') && (
            <Link to="/work-orders/new"><Button type="primary" icon={<PlusOutlined />}>{t('workbench.fileDemand')}</Button></Link>
          )}
          {shortcuts.map((e) => <Link key={e.key} to={e.key}><Button icon={e.icon}>{e.label}</Button></Link>)}
        </Space>
      </Card>
    </Space>
  );
}
