import { Drawer, List, Typography } from 'antd';
import { Link } from 'react-router';
import { useIsPhone } from '../../app/hooks/useIsPhone';
import { useLoad } from '../../app/hooks/useLoad';
import { useT } from '../../app/i18n/I18nProvider';
import { localTime } from '../timeline/format';
import { StateTags } from '../work-orders/StateTags';
import { ratesApi, type Figure, type RateLevel, type RateRow } from './api';

interface Props {
  month: string;
  level: RateLevel;
  target: { row: RateRow; figure: Figure } | null;
  onClose: () => void;
}

/** The orders behind one count of the rates table. */
export function FigureDrawer({ month, level, target, onClose }: Props) {
  const t = useT();
  const isPhone = useIsPhone();
  const { data, loading } = useLoad(
    () => ratesApi.orders(month, level, target!.row.officeId, target!.figure), [month, level, target?.row.officeId, target?.figure], target !== null);
  return (
    <Drawer open={target !== null} onClose={onClose} size={isPhone ? '100%' : 520}
      title={target ? t('rates.ordersBehind', { name: target.row.name, figure: t(`rates.${target.figure}`) }) : ''}>
      <List loading={loading} dataSource={target ? data?.items ?? [] : []} data-testid="figure-orders" renderItem={(o) => (
        <List.Item data-testid="figure-order">
          <div>
            <Link to={`/work-orders/${o.id}`}>{o.trackingNo}</Link> {o.title}
            <div><StateTags order={o} /> <Typography.Text type="secondary" style={{ fontSize: 12 }}>{localTime(o.receivedAt)}</Typography.Text></div>
          </div>
        </List.Item>
      )} />
    </Drawer>
  );
}
