import { DatePicker, Select } from 'antd';
import dayjs from 'dayjs';
import { useLoad } from '../../app/hooks/useLoad';
import { useT } from '../../app/i18n/I18nProvider';
import { workOrdersApi } from './api';

interface Props {
  streetId?: string;
  communityId?: string;
  from?: string;
  to?: string;
  width: number | string;
  onChange: (patch: Record<string, string | undefined>) => void;
}

/** Filters by the day received and by street and community (those above me: a district's streets, a street's communities). */
export function PlaceFilters({ streetId, communityId, from, to, width, onChange }: Props) {
  const t = useT();
  const roots = useLoad(() => workOrdersApi.roots(), []);
  const root = roots.data?.items[0];
  const streets = useLoad(async () => (root?.level === 'district' ? (await workOrdersApi.children(root.id)).items : root?.level === 'street' ? [root] : []), [root?.id]);
  const street = streetId ?? (root?.level === 'street' ? root.id : undefined);
  const communities = useLoad(async () => (street ? (await workOrdersApi.children(street)).items.filter((p) => p.level === 'community') : []), [street]);
  return (
    <>
      <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: typeof width === 'number' ? 260 : width }} data-testid="filter-received"
        placeholder={[t('workOrder.receivedRange'), t('workOrder.receivedRange')]}
        value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
        onChange={(r) => onChange({ receivedFrom: r?.[0]?.format('YYYY-MM-DD'), receivedTo: r?.[1]?.format('YYYY-MM-DD') })} />
      {root?.level === 'district' && (
        <Select allowClear style={{ width }} placeholder={t('workOrder.anyStreet')} value={streetId} data-testid="filter-street" showSearch={{ optionFilterProp: 'label' }}
          onChange={(v?: string) => onChange({ streetId: v, communityId: undefined })}
          options={(streets.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
      )}
      {(root?.level === 'district' || root?.level === 'street') && (
        <Select allowClear style={{ width }} placeholder={t('workOrder.anyCommunity')} value={communityId} data-testid="filter-community" disabled={!street}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={(v?: string) => onChange({ communityId: v })} options={(communities.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
      )}
    </>
  );
}
