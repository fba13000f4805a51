import { ArrowLeftOutlined, HistoryOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Dropdown, Skeleton, Space, Typography } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { RevealField } from '../../app/components/RevealField';
import { useIsPhone } from '../../app/hooks/useIsPhone';
import { useLoad } from '../../app/hooks/useLoad';
import { useNotify } from '../../app/hooks/useNotify';
import { useI18n } from '../../app/i18n/I18nProvider';
import { lazyNamed } from '../../app/lazy';
import { useSession } from '../../app/session/SessionProvider';
import { localTime } from '../timeline/format';
import { TimelineDrawer } from '../timeline/TimelineDrawer';
import { ToNeedButton } from '../three-lists/ToNeedButton';
import { workOrdersApi, type Step, type StepAnswer, type TypedText, type WorkOrderDetail } from './api';
import { ExtensionsCard, PhotosCard, UnitsCard } from './OrderCards';
import { Deadlines, HolderName, PlaceChain } from './OrderFacts';
import { StateTags } from './StateTags';
import { afterStep, partsChangedBy } from './step-answer';
import { StepButtons } from './StepButtons';

// The small map brings ECharts: loaded with the first order page that shows one, not with the page.
const OrderMapCard = lazyNamed(() => import('./OrderMapCard'), 'OrderMapCard');

/** The order a duplicate went into, by its tracking number when the caller can see it. */
function MergedInto({ id }: { id: string }) {
  const [label, setLabel] = useState(id);
  // Quietly: someone who sees the duplicate may not see the order it went into, and then the link shows its id.
  useEffect(() => void workOrdersApi.get(id).then((d) => setLabel(`${d.order.trackingNo} · ${d.order.title}`), () => undefined), [id]);
  return <Link to={`/work-orders/${id}`} data-testid="merged-into">{label}</Link>;
}

/** One work order: its fields, photos, called-in units, extensions, the steps I may take, and its timeline. */
export function WorkOrderDetailPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const { id = '' } = useParams();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const { error: notify, errorText } = useNotify();
  const [timeline, setTimeline] = useState(false);
  const loaded = useLoad(() => workOrdersApi.get(id), [id]);
  const { loading, error, reload } = loaded;
  // The order as last fetched, then as each step answers it.
  const [data, setData] = useState<WorkOrderDetail | undefined>(loaded.data);
  useEffect(() => setData(loaded.data), [loaded.data]);
  const categories = useLoad(() => workOrdersApi.categories(), []);

  /** The answer carries the order and my next steps; units, extensions or photos the step changed are fetched with it. */
  const onAnswer = async (step: Step, answer: StepAnswer, photosAdded: boolean) => {
    const parts = partsChangedBy(step, photosAdded);
    let fresh: WorkOrderDetail | undefined;
    if (parts.length) fresh = await workOrdersApi.get(answer.id).catch((err: unknown) => void notify(err));
    setData((d) => d && afterStep(d, answer, fresh, parts));
  };

  if (error) return <Alert type="error" showIcon title={errorText(error)} data-testid="work-order-not-found" />;
  if (!data) return <Skeleton active />;
  const { order } = data;
  const none = t('common.none');
  const field = (label: string, value: React.ReactNode) => ({ key: label, label, children: value ?? none });
  // The office over the order reveals at any state (a closed order's resident is called back too); a taker while they hold it.
  const canReveal = data.actions.length > 0 || can('work_order', 'accept');
  // A confidential reporter only the office reveals (the server checks it is the office over this order).
  const canRevealReporter = order.confidential ? can('work_order', 'accept') : canReveal;
  const hidden = t('workOrder.confidential');
  // Phone and ID numbers typed into a text come masked; those who may reveal the reporter's phone reveal them, audited.
  const typed = (f: TypedText, label: string, multiline = false) => (order.maskedTexts?.includes(f)
    ? <RevealField masked={order[f]} label={label} canReveal={canRevealReporter} testId={`text-${f}`} multiline={multiline}
      reveal={(reason) => workOrdersApi.reveal(order.id, f, reason)} />
    : order[f]);
  // Resolving is the taker's step while they hold the order: then they may add photos of the work too.
  const canAddPhotos = data.actions.includes('resolve');

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="work-order-detail">
      <Space wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/work-orders')}>{t('common.back')}</Button>
        <Button icon={<HistoryOutlined />} onClick={() => setTimeline(true)} data-testid="open-timeline">{t('workOrder.timeline')}</Button>
        <Dropdown menu={{ items: [
          { key: 'order', label: <Link to={`/work-orders/${order.id}/print/order`} data-testid="print-order">{t('workOrderPrint.printOrder')}</Link> },
          { key: 'follow-up', label: <Link to={`/work-orders/${order.id}/print/follow-up`} data-testid="print-follow-up">{t('workOrderPrint.printFollowUp')}</Link> },
        ] }}>
          <Button icon={<PrinterOutlined />} data-testid="print-menu">{t('workOrderPrint.print')}</Button>
        </Dropdown>
        <ToNeedButton workOrderId={order.id} />
      </Space>
      <Card loading={loading && !data} title={<span data-testid="work-order-title">{typed('title', t('workOrder.title'))}</span>} extra={!isPhone && <StateTags order={order} />}>
        {isPhone && <div style={{ marginBottom: 8 }}><StateTags order={order} /></div>}
        <div style={{ marginBottom: 16 }}><StepButtons detail={data} onAnswer={onAnswer} onReload={reload} /></div>
        {/* On a phone a label keeps to one line (工单号, not 工/单/号 one character a line). */}
        <Descriptions column={isPhone ? 1 : 2} size="small" bordered styles={{ label: { whiteSpace: 'nowrap' } }} items={[
          field(t('workOrder.trackingNo'), <span data-testid="tracking-no">{order.trackingNo}</span>),
          { ...field(t('workOrder.place'), <PlaceChain order={order} withStreet />), span: isPhone ? 1 : 2 },
          field(t('workOrder.holder'), <HolderName order={order} />),
          field(t('workOrder.dispatcher'), order.dispatcherName && <span data-testid="order-dispatcher">{order.dispatcherName}</span>),
          { ...field(t('workOrder.deadlines'), <Deadlines order={order} />), span: isPhone ? 1 : 2 },
          ...(order.externalNo ? [field(t('workOrder.externalNo'), order.externalNo)] : []),
          field(t('workOrder.channel'), t(`channel.${order.channel}`)),
          field(t('workOrder.demandType'), t(`demandType.${order.demandType}`)),
          field(t('workOrder.category'), categories.data?.items.find((c) => c.id === order.categoryId)?.name),
          field(t('workOrder.receivedAt'), localTime(order.receivedAt)),
          ...(order.mergedInto ? [field(t('workOrder.mergedInto'), <MergedInto id={order.mergedInto} />)] : []),
          ...(data.duplicates.length ? [{ ...field(t('workOrder.duplicates'), (
            <Space orientation="vertical" size={0} data-testid="duplicates">
              {data.duplicates.map((d) => <Link key={d.id} to={`/work-orders/${d.id}`} data-testid={`duplicate-${d.id}`}>{d.trackingNo} · {d.title}</Link>)}
            </Space>
          )), span: isPhone ? 1 : 2 }] : []),
          field(t('workOrder.reporterName'), order.confidential
            ? <RevealField masked={hidden} label={t('workOrder.reporterName')} canReveal={canRevealReporter} testId="reporter-name"
              reveal={(reason) => workOrdersApi.reveal(order.id, 'name', reason)} />
            : order.reporterName),
          field(t('workOrder.reporterPhone'), (
            <RevealField masked={order.confidential ? hidden : order.reporterPhoneMasked} label={t('workOrder.revealPhone')} canReveal={canRevealReporter}
              testId="reporter-phone" reveal={(reason) => workOrdersApi.reveal(order.id, 'phone', reason)} />
          )),
          field(t('workOrder.urgency'), <span data-testid="order-urgency">{t(`urgency.${order.urgency}`)}</span>),
          field(t('workOrder.address'), (
            <RevealField masked={order.addressMasked} label={t('workOrder.address')} canReveal={canReveal} testId="address"
              reveal={(reason) => workOrdersApi.reveal(order.id, 'address', reason)} />
          )),
          { ...field(t('workOrder.description'), (
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid="order-description">{typed('description', t('workOrder.description'), true)}</Typography.Paragraph>
          )), span: isPhone ? 1 : 2 },
          ...(order.result ? [{ ...field(t('workOrder.result'), typed('result', t('workOrder.result'), true)), span: isPhone ? 1 : 2 }] : []),
          ...(order.rating ? [field(t('workOrder.rating'), <>{t(`rating.${order.rating}`)}{order.ratingComment && <> · {typed('ratingComment', t('workOrder.rating'))}</>}</>)] : []),
        ]} />
      </Card>
      {can('placeGeometry', 'read') && <Suspense fallback={null}><OrderMapCard order={order} /></Suspense>}
      {(data.photos.length > 0 || canAddPhotos) && <PhotosCard detail={data} canAdd={canAddPhotos} onAdded={reload} />}
      {data.units.length > 0 && <UnitsCard units={data.units} />}
      {data.extensions.length > 0 && <ExtensionsCard extensions={data.extensions} />}
      <TimelineDrawer open={timeline} onClose={() => setTimeline(false)} entityType="work_order" entityId={order.id} title={order.trackingNo}
        revealText={canRevealReporter ? async (eventId, reason) => (await workOrdersApi.revealEvent(order.id, eventId, reason)).value : undefined} />
    </Space>
  );
}
