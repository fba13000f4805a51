import { Form, Select, type FormRule } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../app/i18n/I18nProvider';
import { OPEN_STATES } from '../../../../contracts/work-orders';
import { workOrdersApi, type WorkOrder } from './api';

/** Picks the order to merge into (one still open: the server refuses closed ones): the community's open orders at first, any in scope by title or tracking no. when typed. */
export function MergeTargetField({ order, label, rules }: { order: WorkOrder; label: string; rules: FormRule[] }) {
  const t = useT();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<WorkOrder[]>([]);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    let current = true;
    setLoading(true);
    // Wait for typing to pause before asking the server.
    const timer = setTimeout(() => {
      const query = q.trim() ? { q: q.trim(), limit: 20 } : { placeId: order.officeId, limit: 20 };
      workOrdersApi.list(query).then(
        (page) => current && setItems(page.items.filter((o) => o.id !== order.id && OPEN_STATES.includes(o.state))),
        () => current && setItems([]),
      ).finally(() => current && setLoading(false));
    }, q ? 300 : 0);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [q, order.id, order.officeId]);
  return (
    <Form.Item name="intoId" label={label} rules={rules} required extra={t('workOrder.intoHint')}>
      <Select data-testid="merge-target" showSearch={{ filterOption: false, onSearch: setQ }} loading={loading} placeholder={t('workOrder.searchPlaceholder')}
        notFoundContent={loading ? undefined : t('workOrder.empty')}
        options={items.map((o) => ({ value: o.id, label: `${o.trackingNo} · ${o.title} · ${t(`workOrderState.${o.state}`)}` }))} />
    </Form.Item>
  );
}
