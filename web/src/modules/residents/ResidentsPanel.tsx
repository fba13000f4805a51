import { EditOutlined, HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table } from 'antd';
import { useState } from 'react';
import type { Place, Resident } from '../../app/api/types';
import { RevealField } from '../../app/components/RevealField';
import { useLoad } from '../../app/hooks/useLoad';
import { useT } from '../../app/i18n/I18nProvider';
import { useSession } from '../../app/session/SessionProvider';
import { TimelineDrawer } from '../timeline/TimelineDrawer';
import { residentsApi } from './api';
import { ResidentFormModal } from './ResidentFormModal';

const PAGE_SIZE = 20;

/** A household's residents: personal fields masked, each revealed on its own with a reason. */
export function ResidentsPanel({ household, phone }: { household: Place; phone: boolean }) {
  const t = useT();
  const { can } = useSession();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Resident | 'new' | null>(null);
  const [timelineOf, setTimelineOf] = useState<Resident | null>(null);
  const { data, loading, reload } = useLoad(
    () => residentsApi.list(household.id, PAGE_SIZE, (page - 1) * PAGE_SIZE),
    [household.id, page],
  );
  const canReveal = can('resident', 'reveal');

  return (
    <Card size="small" title={t('resident.title')}
      extra={can('resident', 'create') && (
        <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="resident-add">
          {t('resident.add')}
        </Button>
      )}>
      <Table<Resident>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={phone ? { x: 640 } : undefined}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        data-testid="residents-table"
        columns={[
          { key: 'name', title: t('resident.name'), dataIndex: 'name', fixed: phone ? 'left' : undefined },
          { key: 'relation', title: t('resident.relation'), render: (_, r) => t(`relation.${r.relation}`) },
          { key: 'gender', title: t('resident.gender'), render: (_, r) => (r.gender ? t(`gender.${r.gender}`) : t('common.none')) },
          {
            key: 'phone', title: t('resident.phone'),
            render: (_, r) => <RevealField masked={r.phoneMasked} label={t('resident.phone')} canReveal={canReveal} testId={`phone-${r.id}`}
              reveal={(reason) => residentsApi.reveal(r.id, 'phone', reason)} />,
          },
          {
            key: 'idNumber', title: t('resident.idNumber'),
            render: (_, r) => <RevealField masked={r.idNumberMasked} label={t('resident.idNumber')} canReveal={canReveal} testId={`id-${r.id}`}
              reveal={(reason) => residentsApi.reveal(r.id, 'idNumber', reason)} />,
          },
          {
            key: 'actions', title: t('common.actions'),
            render: (_, r) => (
              <Space size={0}>
                {can('resident', 'update') && (
                  <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(r)} aria-label={t('resident.edit')} />
                )}
                {can('audit', 'timeline') && (
                  <Button type="link" size="small" icon={<HistoryOutlined />} onClick={() => setTimelineOf(r)} aria-label={t('common.timeline')} />
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <ResidentFormModal householdId={household.id} resident={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)} onDone={reload} />
      )}
      <TimelineDrawer open={Boolean(timelineOf)} onClose={() => setTimelineOf(null)} entityType="resident"
        entityId={timelineOf?.id ?? ''} title={timelineOf?.name ?? ''} />
    </Card>
  );
}
