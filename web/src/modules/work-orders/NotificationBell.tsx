import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../app/i18n/I18nProvider';
import { localTime } from '../timeline/format';
import { workOrdersApi, type Notification } from './api';

interface Loaded { unread: number; items: Notification[]; nextCursor: string | null }

/** The header bell: unread count, the notifications a page at a time, and a click opens the order (and marks it read). */
export function NotificationBell() {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const [data, setData] = useState<Loaded>();
  const [open, setOpen] = useState(false);
  const [more, setMore] = useState(false);
  const openRef = useRef(open);
  openRef.current = open;

  /** The first page again; while the list is open, the timer only refreshes the count, so pages already loaded stay. */
  const load = useCallback((countOnly = false) => void workOrdersApi.notifications().then(
    (page) => setData((old) => (countOnly && old ? { ...old, unread: page.unread } : page)),
    () => undefined,
  ), []);
  useEffect(() => {
    load();
    const timer = setInterval(() => load(openRef.current), 60_000);
    return () => clearInterval(timer);
  }, [load]);

  const loadMore = async () => {
    if (!data?.nextCursor) return;
    setMore(true);
    try {
      const page = await workOrdersApi.notifications(data.nextCursor);
      setData((old) => old && { unread: page.unread, items: [...old.items, ...page.items], nextCursor: page.nextCursor });
    } catch {
      /* the button stays for another try */
    } finally {
      setMore(false);
    }
  };

  const openOne = async (n: Notification) => {
    setOpen(false);
    if (!n.readAt) await workOrdersApi.readNotification(n.id).catch(() => undefined);
    load();
    if (n.entityType === 'work_order') navigate(`/work-orders/${n.entityId}`);
    else if (n.entityType === 'need') navigate(`/needs/${n.entityId}`);
    else if (n.entityType === 'joint_meeting') navigate(`/joint-meetings/${n.entityId}`);
    else if (n.entityType === 'chair_month') navigate('/rotating-chair');
    else if (n.entityType === 'employer_report') navigate('/employer-checkins');
  };
  const content = (
    <List size="small" style={{ width: 300, maxWidth: 'calc(100vw - 48px)', maxHeight: 400, overflow: 'auto' }} dataSource={data?.items ?? []}
      data-testid="notification-list"
      locale={{ emptyText: <Empty description={t('workOrder.noNotifications')} /> }}
      loadMore={data?.nextCursor && (
        <div style={{ textAlign: 'center', margin: '8px 0' }}>
          <Button size="small" loading={more} onClick={() => void loadMore()} data-testid="notifications-more">{t('workOrder.loadMore')}</Button>
        </div>
      )}
      renderItem={(n) => (
        <List.Item style={{ cursor: 'pointer' }} onClick={() => void openOne(n)} data-testid="notification" data-id={n.id}>
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
