import { Modal, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Event } from '../../app/api/types';
import { ListPage } from '../../app/components/ListPage';
import { useIsPhone } from '../../app/hooks/useIsPhone';
import { useLoad } from '../../app/hooks/useLoad';
import { useI18n } from '../../app/i18n/I18nProvider';
import { DiffList } from '../timeline/DiffList';
import { EventSentence } from '../timeline/EventSentence';
import { actionLabel, actorLabel, localTime, reasonLabel, recordHref, recordLabel } from '../timeline/format';
import { auditApi, type AuditFilter } from './api';
import { AuditFilters } from './AuditFilters';

const PAGE_SIZE = 30;

/** The record an event is about, linked to its page when it has one. */
function RecordLink({ event }: { event: Event }) {
  const i18n = useI18n();
  const href = recordHref(event);
  const label = recordLabel(i18n, event);
  return href ? <Link to={href} onClick={(e) => e.stopPropagation()} data-testid="audit-record-link">{label}</Link> : <span>{label}</span>;
}

/** Who did what to which record, when and why, newest first (or oldest first); a row opens its whole change. */
export function AuditPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const isPhone = useIsPhone();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [order, setOrder] = useState<'asc' | 'desc'>('desc');
  const [page, setPage] = useState(1);
  const [shown, setShown] = useState<Event | null>(null);
  const { data, loading } = useLoad(() => auditApi.list({ ...filter, order }, PAGE_SIZE, (page - 1) * PAGE_SIZE), [filter, order, page]);
  const refs = data?.refs ?? {};

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
        onChange={(_p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          setOrder(s?.order === 'ascend' ? 'asc' : 'desc');
          setPage(1);
        }}
        testIds={{ table: 'audit-table' }}
        columns={[
          { key: 'at', title: t('audit.at'), render: (_, e) => localTime(e.at), width: 170, sorter: true, sortOrder: order === 'asc' ? 'ascend' : 'descend', sortDirections: ['descend', 'ascend', 'descend'] },
          { key: 'actor', title: t('audit.actor'), render: (_, e) => actorLabel(i18n, e) },
          { key: 'action', title: t('audit.action'), render: (_, e) => actionLabel(i18n, e.action, e) },
          { key: 'record', title: t('audit.record'), render: (_, e) => <RecordLink event={e} /> },
          { key: 'reason', title: t('common.reason'), render: (_, e) => (e.reason ? `${reasonLabel(i18n, e.action)}:${e.reason}` : '') },
          { key: 'change', title: t('audit.detail'), render: (_, e) => <DiffList event={e} refs={refs} /> },
        ]}
      />
      <Modal open={Boolean(shown)} onCancel={() => setShown(null)} footer={null} width={640} title={t('audit.detail')} destroyOnHidden>
        {shown && (
          <div data-testid="audit-detail">
            <Typography.Paragraph type="secondary">{localTime(shown.at)} · <RecordLink event={shown} /></Typography.Paragraph>
            <EventSentence event={shown} refs={refs} />
          </div>
        )}
      </Modal>
    </>
  );
}
