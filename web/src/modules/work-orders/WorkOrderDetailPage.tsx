import { ArrowLeftOutlined, HistoryOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Image, List, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { RevealField } from '../../app/components/RevealField';
import { useIsPhone } from '../../app/hooks/useIsPhone';
import { useLoad } from '../../app/hooks/useLoad';
import { useNotify } from '../../app/hooks/useNotify';
import { useI18n } from '../../app/i18n/I18nProvider';
import { localTime } from '../timeline/format';
import { TimelineDrawer } from '../timeline/TimelineDrawer';
import { workOrdersApi } from './api';
import { StateTags } from './StateTags';
import { StepButtons } from './StepButtons';

/** One work order: its fields, photos, called-in units, extensions, the steps I may take, and its timeline. */
export function WorkOrderDetailPage() {
  const { t, tr } = useI18n();
  const { id = '' } = useParams();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const { errorText } = useNotify();
  const [timeline, setTimeline] = useState(false);
  const { data, loading, error, reload } = useLoad(() => workOrdersApi.get(id), [id]);
  const categories = useLoad(() => workOrdersApi.categories(), []);

  if (error) return <Alert type="error" showIcon title={errorText(error)} data-testid="work-order-not-found" />;
  if (!data) return <Skeleton active />;
  const { order } = data;
  const none = t('common.none');
  const field = (label: string, value: React.ReactNode) => ({ key: label, label, children: value ?? none });
  const canReveal = data.actions.length > 0;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="work-order-detail">
      <Space wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/work-orders')}>{t('common.back')}</Button>
        <Button icon={<HistoryOutlined />} onClick={() => setTimeline(true)} data-testid="open-timeline">{t('workOrder.timeline')}</Button>
      </Space>
      <Card loading={loading && !data} title={<span data-testid="work-order-title">{order.title}</span>} extra={!isPhone && <StateTags order={order} />}>
        {isPhone && <div style={{ marginBottom: 8 }}><StateTags order={order} /></div>}
        <div style={{ marginBottom: 16 }}><StepButtons detail={data} onDone={reload} /></div>
        <Descriptions column={isPhone ? 1 : 2} size="small" bordered items={[
          field(t('workOrder.trackingNo'), <span data-testid="tracking-no">{order.trackingNo}</span>),
          ...(order.externalNo ? [field(t('workOrder.externalNo'), order.externalNo)] : []),
          field(t('workOrder.channel'), t(`channel.${order.channel}`)),
          field(t('workOrder.demandType'), t(`demandType.${order.demandType}`)),
          field(t('workOrder.category'), categories.data?.items.find((c) => c.id === order.categoryId)?.name),
          field(t('workOrder.receivedAt'), localTime(order.receivedAt)),
          field(t('workOrder.resolveDue'), order.resolveDue && localTime(order.resolveDue)),
          field(t('workOrder.reporterName'), order.reporterName),
          field(t('workOrder.reporterPhone'), (
            <RevealField masked={order.reporterPhoneMasked} label={t('workOrder.revealPhone')} canReveal={canReveal} testId="reporter-phone"
              reveal={(reason) => workOrdersApi.reveal(order.id, 'phone', reason)} />
          )),
          field(t('workOrder.address'), (
            <RevealField masked={order.addressMasked} label={t('workOrder.address')} canReveal={canReveal} testId="address"
              reveal={(reason) => workOrdersApi.reveal(order.id, 'address', reason)} />
          )),
          { ...field(t('workOrder.description'), <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{order.description}</Typography.Paragraph>), span: isPhone ? 1 : 2 },
          ...(order.result ? [{ ...field(t('workOrder.result'), order.result), span: isPhone ? 1 : 2 }] : []),
          ...(order.rating ? [field(t('workOrder.rating'), `${t(`rating.${order.rating}`)}${order.ratingComment ? ` · ${order.ratingComment}` : ''}`)] : []),
        ]} />
      </Card>
      {data.photos.length > 0 && (
        <Card size="small" title={t('workOrder.photos')}>
          <Image.PreviewGroup>
            <Space wrap>
              {data.photos.map((p) => <Image key={p.id} width={96} height={96} style={{ objectFit: 'cover' }} src={workOrdersApi.photoUrl(order.id, p.id)} data-testid="work-order-photo" />)}
            </Space>
          </Image.PreviewGroup>
        </Card>
      )}
      {data.units.length > 0 && (
        <Card size="small" title={t('workOrder.units')}>
          <List size="small" dataSource={data.units} renderItem={(u) => (
            <List.Item>{u.name} · {t('workOrder.calledAt')} {localTime(u.calledAt)}{u.reportedAt ? ` · ${t('workOrder.reportedAt')} ${localTime(u.reportedAt)}` : ''}</List.Item>
          )} />
        </Card>
      )}
      {data.extensions.length > 0 && (
        <Card size="small" title={t('workOrder.extensions')}>
          <List size="small" dataSource={data.extensions} renderItem={(e) => (
            <List.Item>{e.days} · {e.reason} · {tr(`workOrder.extensionState.${e.state}`, e.state)} · {localTime(e.createdAt)}</List.Item>
          )} />
        </Card>
      )}
      <TimelineDrawer open={timeline} onClose={() => setTimeline(false)} entityType="work_order" entityId={order.id} title={order.trackingNo} />
    </Space>
  );
}
