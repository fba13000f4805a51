import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import type { Place, Resident } from '../../app/api/types';
import { ListPage } from '../../app/components/ListPage';
import { useLoad } from '../../app/hooks/useLoad';
import { useT } from '../../app/i18n/I18nProvider';
import { useSession } from '../../app/session/SessionProvider';
import { TimelineDrawer } from '../timeline/TimelineDrawer';
import { residentsApi } from './api';
import { ResidentCard } from './ResidentCard';
import { ResidentFormModal } from './ResidentFormModal';
import { useResidentColumns, type ResidentViewProps } from './useResidentColumns';

const PAGE_SIZE = 20;

interface Props {
  household: Place;
  /** Told after an add or edit, so the counts above are read again. */
  onChanged: () => void;
}

/** A household's residents: personal fields masked, each revealed on its own with a reason. */
export function ResidentsPanel({ household, onChanged }: Props) {
  const t = useT();
  const { can } = useSession();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Resident | 'new' | null>(null);
  const [timelineOf, setTimelineOf] = useState<Resident | null>(null);
  const { data, loading, reload } = useLoad(
    () => residentsApi.list(household.id, PAGE_SIZE, (page - 1) * PAGE_SIZE),
    [household.id, page],
  );
  const view: ResidentViewProps = {
    canReveal: can('resident', 'reveal'),
    onEdit: can('resident', 'update') ? setEditing : undefined,
    onTimeline: can('audit', 'timeline') ? setTimelineOf : undefined,
  };
  const columns = useResidentColumns(view);

  return (
    <>
      <ListPage<Resident>
        compact
        title={t('resident.title')}
        extra={can('resident', 'create') && (
          <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="resident-add">
            {t('resident.add')}
          </Button>
        )}
        rowKey="id"
        size="small"
        loading={loading}
        items={data?.items ?? []}
        paging={{ page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onPage: setPage }}
        columns={columns}
        card={(r) => <ResidentCard resident={r} {...view} />}
        testIds={{ table: 'residents-table', cards: 'residents-cards' }}
      />
      {editing && (
        <ResidentFormModal householdId={household.id} resident={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)} onDone={() => { reload(); onChanged(); }} />
      )}
      <TimelineDrawer open={Boolean(timelineOf)} onClose={() => setTimelineOf(null)} entityType="resident"
        entityId={timelineOf?.id ?? ''} title={timelineOf?.name ?? ''} />
    </>
  );
}
