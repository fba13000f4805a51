import { FilterOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Button, Input, Select, Space, Tabs, Tag } from 'antd';
import { Link } from 'react-router';
import { useIsPhone } from '../../app/hooks/useIsPhone';
import { useLoad } from '../../app/hooks/useLoad';
import { useQueryPatch } from '../../app/hooks/useQueryPatch';
import { LedgerButton } from '../../app/components/LedgerButton';
import { useT } from '../../app/i18n/I18nProvider';
import { useSession } from '../../app/session/SessionProvider';
import { CHANNELS, STATES, type Channel, type WorkOrderState } from '../../../../contracts/work-orders';
import { workOrdersApi, type Step } from './api';
import { BatchSteps } from './BatchSteps';
import { HotlineImportModal } from './HotlineImportModal';
import { PlaceFilters } from './PlaceFilters';
import { WorkOrderList } from './WorkOrderList';

const PAGE_SIZE = 20;
type TabKey = 'mine' | 'all' | 'overdue';

/** The work-order inbox: what waits on me, everything in my scope, and what is overdue; filters live in the URL. */
export function WorkOrdersPage() {
  const t = useT();
  const isPhone = useIsPhone();
  const { can } = useSession();
  const [params, set] = useQueryPatch();
  const tab = (params.get('tab') as TabKey | null) ?? 'mine';
  const state = (params.get('state') as WorkOrderState | null) ?? undefined;
  const categoryId = params.get('categoryId') ?? undefined;
  const channel = (params.get('channel') as Channel | null) ?? undefined;
  const q = params.get('q') ?? undefined;
  const page = Number(params.get('page') ?? '1');
  const streetId = params.get('streetId') ?? undefined;
  const communityId = params.get('communityId') ?? undefined;
  const receivedFrom = params.get('receivedFrom') ?? undefined;
  const receivedTo = params.get('receivedTo') ?? undefined;
  // What a workbench card opens: one kind of waiting step, or the orders due within a day.
  const awaits = (params.get('awaits') as Step | null) ?? undefined;
  const dueSoon = params.get('dueSoon') === 'true' || undefined;

  const categories = useLoad(() => workOrdersApi.categories(), []);
  const list = useLoad(
    () => workOrdersApi.list({ mine: tab === 'mine' || undefined, overdue: tab === 'overdue' || undefined, awaits: tab === 'mine' ? awaits : undefined, dueSoon, state, categoryId, channel, q, streetId, communityId, receivedFrom, receivedTo,
      limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    [tab, awaits, dueSoon, state, categoryId, channel, q, page, streetId, communityId, receivedFrom, receivedTo],
  );
  // Batch steps are the office's: accept and dispatch on a desktop.
  const canBatch = !isPhone && can('work_order', 'accept');
  const [picked, setPicked] = useState<string[]>([]);
  const [importing, setImporting] = useState(false);
  const items = list.data?.items ?? [];
  const filterStyle = { width: isPhone ? '100%' : 150 };
  // On a phone the filters fold away behind one button, so the cards come first.
  const [filtersOpen, setFiltersOpen] = useState(!isPhone || Boolean(state ?? categoryId ?? channel ?? q ?? streetId ?? communityId ?? receivedFrom ?? receivedTo));

  const filters = (
    <>
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k, awaits: undefined })}
        items={(['mine', 'all', 'overdue'] as const).map((k) => ({ key: k, label: <span data-testid={`tab-${k}`}>{t(`workOrder.${k}`)}</span> }))}
      />
      {tab === 'mine' && list.data?.counts && (
        <div style={{ marginBottom: 8 }} data-testid="inbox-counts">
          {Object.entries(list.data.counts).filter(([, n]) => n).map(([step, n]) => (
            <Tag key={step} color="processing" data-testid={`count-${step}`} closable={awaits === step} onClose={() => set({ awaits: undefined })}>
              {t(`workOrder.awaits.${step}` as never)} {n}
            </Tag>
          ))}
        </div>
      )}
      {dueSoon && (
        <Tag closable onClose={() => set({ dueSoon: undefined })} style={{ marginBottom: 8 }} data-testid="filter-due-soon">{t('workOrder.dueSoon')}</Tag>
      )}
      {canBatch && (
        <div style={{ marginBottom: 8 }}>
          <BatchSteps selected={items.filter((o) => picked.includes(o.id))} onDone={() => { setPicked([]); list.reload(); }} />
        </div>
      )}
      {isPhone && !filtersOpen && (
        <Button icon={<FilterOutlined />} onClick={() => setFiltersOpen(true)}>{t('workOrder.filters')}</Button>
      )}
      {filtersOpen && <Space wrap style={{ width: '100%' }} orientation={isPhone ? 'vertical' : 'horizontal'}>
        <Select allowClear style={filterStyle} placeholder={t('workOrder.anyState')} value={state} data-testid="filter-state"
          onChange={(v?: string) => set({ state: v })} options={STATES.map((s) => ({ value: s, label: t(`workOrderState.${s}`) }))} />
        <Select allowClear style={filterStyle} placeholder={t('workOrder.anyCategory')} value={categoryId} showSearch={{ optionFilterProp: 'label' }}
          onChange={(v?: string) => set({ categoryId: v })} options={(categories.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} />
        <Select allowClear style={filterStyle} placeholder={t('workOrder.anyChannel')} value={channel}
          onChange={(v?: string) => set({ channel: v })} options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
        <PlaceFilters streetId={streetId} communityId={communityId} from={receivedFrom} to={receivedTo} width={filterStyle.width}
          onChange={(patch) => set(patch)} />
        <Input.Search allowClear style={{ width: isPhone ? '100%' : 220 }} placeholder={t('workOrder.searchPlaceholder')} defaultValue={q}
          onSearch={(v) => set({ q: v.trim() || undefined })} />
      </Space>}
    </>
  );

  // The ledger is the list as filtered (what I may read, not only what waits on me), as an .xlsx with personal data masked.
  const ledgerQuery = Object.entries({ overdue: tab === 'overdue' ? 'true' : undefined, state, categoryId, channel, q, streetId, communityId, receivedFrom, receivedTo })
    .filter((e): e is [string, string] => e[1] !== undefined);
  const ledgerHref = `/api/work-orders.xlsx?${new URLSearchParams(ledgerQuery).toString()}`;

  // The import dialog sits beside the list, not in its header: the list may lay its header out anew (a phone's width,
  // the column picker) without the dialog losing the mapping someone is correcting.
  return (
    <>
      <WorkOrderList
        title={<>{t('workOrder.inbox')} <span data-testid="work-order-total" style={{ fontWeight: 'normal', fontSize: 13 }}>{t('common.total', { total: list.data?.total ?? 0 })}</span></>}
        extra={<Space>
          {can('hotline', 'import') && !isPhone && (
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="hotline-open">{t('hotline.open')}</Button>
          )}
          {can('work_order', 'export') && !isPhone && (
            <LedgerButton href={ledgerHref} fallbackName="工单台账.xlsx" testId="work-order-ledger">{t('workOrder.exportLedger')}</LedgerButton>
          )}
          {can('work_order', 'file') && (
            <Link to="/work-orders/new"><Button type="primary" icon={<PlusOutlined />} data-testid="file-demand">{t('workOrder.file')}</Button></Link>
          )}
        </Space>}
        filters={filters}
        items={items}
        selection={canBatch ? { keys: picked, onChange: setPicked } : undefined}
        loading={list.loading}
        paging={{ page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onPage: (p) => set({ page: String(p) }) }}
        categories={categories.data?.items ?? []}
        inbox={tab === 'mine'}
      />
      {importing && <HotlineImportModal onClose={() => setImporting(false)} onDone={() => list.reload()} />}
    </>
  );
}
