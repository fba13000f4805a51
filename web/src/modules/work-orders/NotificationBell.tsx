import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../app/i18n/I18nProvider';
import { localTime } from '../timeline/format';
import { workOrdersApi, type Notification } from './api';

/** The header bell: unread count, the latest notifications, and a click opens the order (and marks it read). */
export function NotificationBell() {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const [data, setData] = useState<{ unread: number; items: Notification[] }>();
  const [open, setOpen] = useState(false);
  const load = () => void workOrdersApi.notifications().then(setData, () => undefined);
  useEffect(() => {
    load();
    const timer = setInterval(load, 60_000);
    return () => clearInterval(timer);
  }, []);

  const openOne = async (n: Notification) => {
    setOpen(false);
    if (!n.readAt) await workOrdersApi.readNotification(n.id).catch(() => undefined);
    load();
    if (n.entityType === 'work_order') navigate(`/work-orders/${n.entityId}`);
  };
  const content = (
    <List size="small" style={{ width: 300, maxHeight: 400, overflow: 'auto' }} dataSource={data?.items ?? []}
      locale={{ emptyText: <Empty description={t('workOrder.noNotifications')} /> }}
      renderItem={(n) => (
        <List.Item style={{ cursor: 'pointer' }} onClick={() => void openOne(n)} data-testid="notification">
          <div>
            <Typography.Text strong={!n.readAt}>{pick(n.text)}</Typography.Text>
            <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{localTime(n.createdAt)}</Typography.Text></div>
          </div>
        </List.Item>
      )} />
  );
  return (
    <Popover content={content} title={t('workOrder.notifications')} trigger="click" open={open} onOpenChange={(o) => { setOpen(o); if (o) load(); }}>
      <Badge count={data?.unread ?? 0} size="small" data-testid="notification-badge">
        <Button type="text" icon={<BellOutlined />} aria-label={t('workOrder.notifications')} />
      </Badge>
    </Popover>
  );
}
