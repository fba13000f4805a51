import { Space, Tag, Typography } from 'antd';
import { Fragment } from 'react';
import { Link } from 'react-router';
import { useT } from '../../app/i18n/I18nProvider';
import { localTime } from '../timeline/format';
import type { DeadlineKind, WorkOrder } from './api';
import { LightTag } from './StateTags';

/** Where the demand is, from the community down (street too when asked), each place a link when I may open it. */
export function PlaceChain({ order, withStreet = false }: { order: WorkOrder; withStreet?: boolean }) {
  const steps = order.places.filter((p) => withStreet || p.level !== 'street');
  return (
    <span data-testid="order-place">
      {steps.map((p, i) => (
        <Fragment key={p.id}>
          {i > 0 && ' › '}
          {p.linked ? <Link to={`/places/${p.id}`} onClick={(e) => e.stopPropagation()}>{p.name}</Link> : p.name}
        </Fragment>
      ))}
    </span>
  );
}

/** Who holds the order now: 张三(网格员), or a unit by name. */
export function holderLabel(t: ReturnType<typeof useT>, order: WorkOrder): string {
  const a = order.assignee;
  if (!a) return t('common.none');
  return `${a.name ?? t('common.none')}${a.role ? `(${t(`role.${a.role}` as never)})` : ''}`;
}

export function HolderName({ order }: { order: WorkOrder }) {
  const t = useT();
  return <span data-testid="order-holder">{holderLabel(t, order)}</span>;
}

/** The deadlines an order has, in the order they come. */
export const DEADLINE_KINDS: readonly DeadlineKind[] = ['accept', 'contact', 'resolve'];

/** Every deadline with its light: 受理 / 首次联系 / 办结, met or due when. */
export function Deadlines({ order }: { order: WorkOrder }) {
  const t = useT();
  return (
    <Space orientation="vertical" size={2} data-testid="order-deadlines">
      {DEADLINE_KINDS.filter((k) => order.deadlines[k].due).map((k) => {
        const d = order.deadlines[k];
        return (
          <span key={k} data-testid={`deadline-${k}`}>
            <Typography.Text type="secondary">{t(`workOrder.deadline.${k}`)}:</Typography.Text>
            {k === 'resolve' ? <span data-testid="resolve-due">{localTime(d.due!)}</span> : localTime(d.due!)}
            {d.doneAt && <Typography.Text type="secondary"> · {t('workOrder.metAt', { at: localTime(d.doneAt) })}</Typography.Text>} <LightTag light={d.light} />
          </span>
        );
      })}
    </Space>
  );
}

/** What the inbox expects of me on a row: 待受理, 待派单, 待回访 … */
export function AwaitTags({ order }: { order: WorkOrder }) {
  const t = useT();
  return <>{(order.awaits ?? []).map((a) => <Tag key={a} color="processing" data-testid="awaits" data-step={a}>{t(`workOrder.awaits.${a}` as never)}</Tag>)}</>;
}
