import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Pagination } from 'antd';
import { useState } from 'react';
import type { Place, Resident } from '../../app/api/types';
import { useLoad } from '../../app/hooks/useLoad';
import { useT } from '../../app/i18n/I18nProvider';
import { useSession } from '../../app/session/SessionProvider';
import { TimelineDrawer } from '../timeline/TimelineDrawer';
import { residentsApi } from './api';
import { ResidentCards } from './ResidentCards';
import { ResidentFormModal } from './ResidentFormModal';
import { ResidentsTable } from './ResidentsTable';

const PAGE_SIZE = 20;

/** A household's residents: personal fields masked, each revealed on its own with a reason. */
interface Props {
  household: Place;
  phone: boolean;
  /** Told after an add or edit, so the counts above are read again. */
  onChanged: () => void;
}

export function ResidentsPanel({ household, phone, onChanged }: Props) {
  const t = useT();
  const { can } = useSession();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Resident | 'new' | null>(null);
  const [timelineOf, setTimelineOf] = useState<Resident | null>(null);
  const { data, loading, reload } = useLoad(
    () => residentsApi.list(household.id, PAGE_SIZE, (page - 1) * PAGE_SIZE),
    [household.id, page],
  );
  const view = {
    residents: data?.items ?? [],
    loading,
    canReveal: can('resident', 'reveal'),
    onEdit: can('resident', 'update') ? setEditing : undefined,
    onTimeline: can('audit', 'timeline') ? setTimelineOf : undefined,
  };

  return (
    <Card size="small" title={t('resident.title')}
      extra={can('resident', 'create') && (
        <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="resident-add">
          {t('resident.add')}
        </Button>
      )}>
      {phone ? <ResidentCards {...view} /> : <ResidentsTable {...view} />}
      {(data?.total ?? 0) > PAGE_SIZE && (
        <Pagination size="small" current={page} pageSize={PAGE_SIZE} total={data?.total ?? 0} onChange={setPage}
          style={{ marginTop: 12, justifyContent: 'flex-end', display: 'flex' }} />
      )}
      {editing && (
        <ResidentFormModal householdId={household.id} resident={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)} onDone={() => { reload(); onChanged(); }} />
      )}
      <TimelineDrawer open={Boolean(timelineOf)} onClose={() => setTimelineOf(null)} entityType="resident"
        entityId={timelineOf?.id ?? ''} title={timelineOf?.name ?? ''} />
    </Card>
  );
}
