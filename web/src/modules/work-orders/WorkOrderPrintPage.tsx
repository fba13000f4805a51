import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useLoad } from '../../app/hooks/useLoad';
import { useNotify } from '../../app/hooks/useNotify';
import { useI18n } from '../../app/i18n/I18nProvider';
import { RequireAuth } from '../../app/session/RequireAuth';
import { useMe } from '../../app/session/SessionProvider';
import { RATINGS } from '../../../../contracts/work-orders';
import { timelineApi } from '../timeline/api';
import { EventSentence } from '../timeline/EventSentence';
import { localTime } from '../timeline/format';
import { workOrdersApi, type WorkOrder } from './api';
import { DEADLINE_KINDS, holderLabel } from './OrderFacts';
import './print.css';

export const PRINT_SHEETS = ['order', 'follow-up'] as const;
type Sheet = (typeof PRINT_SHEETS)[number];

/** Rows of label and value; a value may span the row. */
function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <table>
      <tbody>
        {rows.map(([label, value]) => <tr key={label}><th>{label}</th><td>{value}</td></tr>)}
      </tbody>
    </table>
  );
}

/** Boxes to tick by hand: □满意 □基本满意 □不满意. */
const Boxes = ({ options }: { options: string[] }) => <>{options.map((o) => <span key={o} style={{ marginRight: 16 }}>□ {o}</span>)}</>;

/**
 * An order on A4 paper, in the office's words: the order sheet (工单处理单: the facts, every step as a sentence, lines to
 * sign) or the follow-up sheet (回访记录单: what the resident asked and was told, and boxes for the call). Personal data
 * stays masked as on the screen; the sheet says where to reveal it.
 */
export function WorkOrderPrintPage() {
  // Signed in, as the office pages are: the sheet reads the order's API. (Here, not in module.tsx: the session's
  // landing reads every module, so module.tsx importing it would be a cycle.)
  return <RequireAuth><PrintSheet /></RequireAuth>;
}

function PrintSheet() {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const navigate = useNavigate();
  const { errorText } = useNotify();
  const { id = '', sheet = 'order' } = useParams();
  const detail = useLoad(() => workOrdersApi.get(id), [id]);
  const categories = useLoad(() => workOrdersApi.categories(), []);
  const timeline = useLoad(() => timelineApi.of('work_order', id), [id]);
  const which: Sheet = (PRINT_SHEETS as readonly string[]).includes(sheet) ? (sheet as Sheet) : 'order';

  const error = detail.error ?? timeline.error;
  if (error) return <div className="print-page"><Alert type="error" showIcon title={errorText(error)} data-testid="print-error" /></div>;
  if (!detail.data || !timeline.data || !categories.data) return <div className="print-page"><Skeleton active /></div>;
  const order: WorkOrder = detail.data.order;
  const none = t('common.none');
  const office = order.places.filter((p) => p.level === 'street' || p.level === 'community').map((p) => p.name).join('');
  const place = order.places.filter((p) => p.level !== 'street').map((p) => p.name).join(' › ');
  const category = categories.data.items.find((c) => c.id === order.categoryId)?.name ?? none;
  const holder = holderLabel(t, order);
  const title = which === 'order' ? t('workOrderPrint.orderSheet') : t('workOrderPrint.followUpSheet');
  const common: [string, ReactNode][] = [
    [t('workOrder.trackingNo'), order.trackingNo],
    ...(order.externalNo ? [[t('workOrder.externalNo'), order.externalNo] as [string, ReactNode]] : []),
    [t('workOrder.receivedAt'), localTime(order.receivedAt)],
    [t('workOrder.reporterName'), order.reporterName ?? none],
    [t('workOrder.reporterPhone'), order.reporterPhoneMasked ?? none],
    [t('workOrder.place'), place || none],
    [t('workOrder.title'), order.title],
    [t('workOrder.description'), <span style={{ whiteSpace: 'pre-wrap' }}>{order.description}</span>],
  ];

  return (
    <div className="print-page" data-testid="print-page" data-sheet={which}>
      <div className="print-toolbar">
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/work-orders/${order.id}`)}>{t('common.back')}</Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-now">{t('workOrderPrint.print')}</Button>
      </div>
      <div className="print-sheet">
        <h1 data-testid="print-title">{title}</h1>
        <div className="print-office">{office}</div>
        {which === 'order' ? (
          <>
            <Facts rows={[
              ...common,
              [t('workOrder.channel'), t(`channel.${order.channel}`)],
              [t('workOrder.demandType'), t(`demandType.${order.demandType}`)],
              [t('workOrder.category'), category],
              [t('workOrder.address'), order.addressMasked ?? none],
              [t('workOrder.state'), t(`workOrderState.${order.state}`)],
              [t('workOrder.holder'), holder],
              [t('workOrder.dispatcher'), order.dispatcherName ?? none],
              [t('workOrder.deadlines'), DEADLINE_KINDS.filter((k) => order.deadlines[k].due).map((k) => (
                <div key={k}>{t(`workOrder.deadline.${k}`)}:{localTime(order.deadlines[k].due!)}
                  {order.deadlines[k].doneAt ? `(${t('workOrder.metAt', { at: localTime(order.deadlines[k].doneAt!) })})` : ''}</div>
              ))],
              [t('workOrder.result'), order.result ?? none],
            ]} />
            <table data-testid="print-process">
              <thead><tr><th style={{ width: '38mm' }}>{t('workOrderPrint.time')}</th><th style={{ width: 'auto' }}>{t('workOrderPrint.process')}</th></tr></thead>
              <tbody>
                {timeline.data.items.map((e) => (
                  <tr key={e.id}><td>{localTime(e.at)}</td><td><EventSentence event={e} refs={timeline.data!.refs} /></td></tr>
                ))}
              </tbody>
            </table>
            <div className="print-signs">
              <span>{t('workOrderPrint.signHandler')}:________________</span>
              <span>{t('workOrderPrint.signReviewer')}:________________</span>
              <span>{t('workOrderPrint.date')}:____年__月__日</span>
            </div>
          </>
        ) : (
          <>
            <Facts rows={[
              ...common,
              [t('workOrder.holder'), holder],
              [t('workOrder.result'), order.result ?? none],
              [t('workOrderPrint.resolvedAt'), order.resolvedAt ? localTime(order.resolvedAt) : none],
            ]} />
            <Facts rows={[
              [t('workOrderPrint.contacted'), <Boxes options={[t('workOrderPrint.yes'), t('workOrderPrint.no')]} />],
              [t('workOrderPrint.solved'), <Boxes options={[t('workOrderPrint.solvedAll'), t('workOrderPrint.solvedPart'), t('workOrderPrint.solvedNone')]} />],
              [t('workOrderPrint.satisfaction'), <Boxes options={RATINGS.map((r) => t(`rating.${r}`))} />],
              [t('workOrderPrint.opinion'), <div className="print-tall" />],
              [t('workOrderPrint.way'), <Boxes options={[t('workOrderPrint.phoneCall'), t('workOrderPrint.visit'), t('workOrderPrint.other')]} />],
              [t('workOrderPrint.visitor'), ''],
              [t('workOrderPrint.visitedAt'), '____年__月__日  __时__分'],
            ]} />
          </>
        )}
        <div className="print-foot">
          <div>{t('workOrderPrint.personalMasked')}</div>
          <div>{t('workOrderPrint.printedBy', { name: me.user.displayName, at: localTime(new Date().toISOString()) })}</div>
        </div>
      </div>
    </div>
  );
}
