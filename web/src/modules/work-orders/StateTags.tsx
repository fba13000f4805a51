import { Tag } from 'antd';
import { useT } from '../../app/i18n/I18nProvider';
import type { WorkOrderState } from '../../../../contracts/work-orders';
import type { Light, WorkOrder } from './api';

const LIGHT_COLOR = { green: 'success', yellow: 'warning', red: 'error' } as const;
const STATE_COLOR: Record<WorkOrderState, string> = {
  received: 'blue', accepted: 'cyan', dispatched: 'geekblue', taken: 'purple', resolved: 'green', followed_up: 'lime',
  closed: 'default', rejected: 'default', merged: 'default',
};

/** The traffic light of the resolve deadline: red overdue, yellow near due, green on time. */
export function LightTag({ light }: { light: Light }) {
  const t = useT();
  if (!light) return null;
  return <Tag color={LIGHT_COLOR[light]} data-testid="light" data-light={light}>{t(`workOrder.lights.${light}`)}</Tag>;
}

export function StateTags({ order }: { order: WorkOrder }) {
  const t = useT();
  return (
    <>
      <Tag color={STATE_COLOR[order.state]} data-testid="state">{t(`workOrderState.${order.state}`)}</Tag>
      <LightTag light={order.light} />
      {order.supervised && <Tag color="red">{t('workOrder.supervised')}</Tag>}
      {order.reopenCount > 0 && <Tag color="orange">{t('workOrder.reopened', { count: order.reopenCount })}</Tag>}
    </>
  );
}
