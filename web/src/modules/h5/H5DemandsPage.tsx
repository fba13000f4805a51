import { Card, Empty, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useLoad } from '../../app/hooks/useLoad';
import { useT } from '../../app/i18n/I18nProvider';
import { localTime } from '../timeline/format';
import { h5Api } from './api';

/** My demands: what this phone has filed, newest first. */
export function H5DemandsPage() {
  const t = useT();
  const { data, loading } = useLoad(() => h5Api.list(), []);
  return (
    <Card title={t('h5.myDemands')} size="small">
      <List loading={loading} dataSource={data?.items ?? []} locale={{ emptyText: <Empty description={t('h5.empty')} /> }}
        renderItem={(d) => (
          <List.Item>
            <Link to={`/h5/demands/${d.id}`} style={{ display: 'block', width: '100%' }} data-testid="h5-demand-item">
              <Typography.Text strong>{d.title}</Typography.Text> <Tag>{t(`workOrderState.${d.state}`)}</Tag>
              <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{d.trackingNo} · {d.categoryName} · {localTime(d.receivedAt)}</Typography.Text></div>
            </Link>
          </List.Item>
        )} />
    </Card>
  );
}
