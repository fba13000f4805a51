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

const URGENCY_COLOR = { urgent: 'orange', critical: 'red' } as const;

/** 紧急 / 特急 as a tag; an ordinary order has none. */
export function UrgencyTag({ order }: { order: Pick<WorkOrder, 'urgency'> }) {
  const t = useT();
  if (order.urgency === 'normal') return null;
  return <Tag color={URGENCY_COLOR[order.urgency]} data-testid="urgency" data-urgency={order.urgency}>{t(`urgency.${order.urgency}`)}</Tag>;
}

export function StateTags({ order }: { order: WorkOrder }) {
  const t = useT();
  return (
    <>
      <UrgencyTag order={order} />
      <Tag color={STATE_COLOR[order.state]} data-testid="state">{t(`workOrderState.${order.state}`)}</Tag>
      <LightTag light={order.light} />
      {order.supervised && <Tag color="red">{t('workOrder.supervised')}</Tag>}
      {order.reopenCount > 0 && <Tag color="orange">{t('workOrder.reopened', { count: order.reopenCount })}</Tag>}
      {order.confidential && <Tag data-testid="confidential">{t('workOrder.confidential')}</Tag>}
    </>
  );
}
