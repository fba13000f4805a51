import { Modal, Typography } from 'antd';
import { useState } from 'react';
import type { Event } from '../../app/api/types';
import { ListPage } from '../../app/components/ListPage';
import { useIsPhone } from '../../app/hooks/useIsPhone';
import { useLoad } from '../../app/hooks/useLoad';
import { useI18n } from '../../app/i18n/I18nProvider';
import { DiffList } from '../timeline/DiffList';
import { actionLabel, localTime } from '../timeline/format';
import { auditApi, type AuditFilter } from './api';
import { AuditFilters } from './AuditFilters';

const PAGE_SIZE = 30;

/** Who did what to which record, when and why; a row opens its from / to. */
export function AuditPage() {
  const i18n = useI18n();
  const { t, tr } = i18n;
  const isPhone = useIsPhone();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const [shown, setShown] = useState<Event | null>(null);
  const { data, loading } = useLoad(() => auditApi.list(filter, PAGE_SIZE, (page - 1) * PAGE_SIZE), [filter, page]);

  return (
    <>
      <ListPage<Event>
        title={t('audit.title')}
        filters={<AuditFilters onSearch={(f) => { setFilter(f); setPage(1); }} />}
        rowKey="id"
        size="small"
        loading={loading}
        items={data?.items ?? []}
        paging={{ page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onPage: setPage }}
        scroll={isPhone ? { x: 760 } : undefined}
        onRow={(e) => ({ onClick: () => setShown(e), style: { cursor: 'pointer' } })}
        testIds={{ table: 'audit-table' }}
        columns={[
          { key: 'at', title: t('audit.at'), render: (_, e) => localTime(e.at), width: 170 },
          { key: 'actor', title: t('audit.actor'), render: (_, e) => e.actorName ?? t('common.none') },
          { key: 'action', title: t('audit.action'), render: (_, e) => actionLabel(i18n, e.action) },
          { key: 'record', title: t('audit.record'), render: (_, e) => `${tr(`entity.${e.entityType}`, e.entityType)} ${e.entityId}` },
          { key: 'reason', title: t('common.reason'), render: (_, e) => e.reason ?? '' },
          { key: 'change', title: t('audit.detail'), render: (_, e) => <DiffList from={e.from} to={e.to} /> },
        ]}
      />
      <Modal open={Boolean(shown)} onCancel={() => setShown(null)} footer={null} width={640} title={t('audit.detail')} destroyOnHidden>
        {shown && (
          <div data-testid="audit-detail">
            <Typography.Paragraph>
              {localTime(shown.at)} · {shown.actorName} · {actionLabel(i18n, shown.action)}
              {shown.reason ? ` · ${shown.reason}` : ''}
            </Typography.Paragraph>
            <Typography.Title level={5}>{t('audit.from')}</Typography.Title>
            <pre style={{ background: '#fafafa', padding: 8, overflow: 'auto' }}>{JSON.stringify(shown.from, null, 2)}</pre>
            <Typography.Title level={5}>{t('audit.to')}</Typography.Title>
            <pre style={{ background: '#fafafa', padding: 8, overflow: 'auto' }}>{JSON.stringify(shown.to, null, 2)}</pre>
          </div>
        )}
      </Modal>
    </>
  );
}
