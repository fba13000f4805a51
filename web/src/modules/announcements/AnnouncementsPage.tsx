import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Input, Select, Space, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { LedgerButton } from '../../app/components/LedgerButton';
import { ListPage } from '../../app/components/ListPage';
import { useLoad } from '../../app/hooks/useLoad';
import { useQueryPatch } from '../../app/hooks/useQueryPatch';
import { useT } from '../../app/i18n/I18nProvider';
import { useMe, useSession } from '../../app/session/SessionProvider';
import { ANNOUNCEMENT_STATES, type AnnouncementState } from '../../../../contracts/announcements';
import { localTime } from '../timeline/format';
import { announcementsApi, type AnnouncementItem } from './api';
import { StateTag } from './AnnouncementParts';

const PAGE_SIZE = 20;

/** The notices I may see (my office's drafts, what lies in my area, what is addressed to me from above); filters in the URL. */
export function AnnouncementsPage() {
  const t = useT();
  const me = useMe();
  const { can } = useSession();
  const navigate = useNavigate();
  const [params, set] = useQueryPatch();
  const state = (params.get('state') as AnnouncementState | null) ?? undefined;
  const q = params.get('q') ?? undefined;
  const unread = params.get('unread') === 'true';
  const page = Number(params.get('page') ?? '1');
  const list = useLoad(() => announcementsApi.list({ state, q, unread, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }), [state, q, unread, page]);
  const office = me.roles.find((r) => ['district_admin', 'street_staff', 'community_worker'].includes(r.role));
  const unreadTag = (a: AnnouncementItem) => a.state === 'published' && !a.readAt && <Tag color="red">{t('announcement.unread')}</Tag>;

  const card = (a: AnnouncementItem) => (
    <Link to={`/announcements/${a.id}`} style={{ display: 'block', marginBottom: 8 }} data-testid="announcement-card">
      <Card size="small" hoverable>
        <Typography.Text strong>{a.title}</Typography.Text> {unreadTag(a)}
        <div style={{ margin: '4px 0' }}><StateTag state={a.state} /></div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.placeName} · {localTime(a.publishedAt ?? a.createdAt)}</Typography.Text>
      </Card>
    </Link>
  );
  return (
    <ListPage<AnnouncementItem>
      title={t('announcement.title')}
      extra={<Space wrap>
        {can('announcement', 'export') && office && (
          <LedgerButton href={announcementsApi.exportHref(office.placeId)} fallbackName="announcements.xlsx" testId="announcements-export">{t('announcement.export')}</LedgerButton>
        )}
        {can('announcement', 'create') && (
          <Link to="/announcements/new"><Button type="primary" icon={<PlusOutlined />} data-testid="announcement-new">{t('announcement.new')}</Button></Link>
        )}
      </Space>}
      filters={<Space wrap>
        <Select allowClear style={{ width: 140 }} placeholder={t('announcement.anyState')} value={state} onChange={(v?: string) => set({ state: v })}
          options={ANNOUNCEMENT_STATES.map((s) => ({ value: s, label: t(`announcement.states.${s}`) }))} data-testid="announcement-filter-state" />
        <Input.Search allowClear style={{ width: 220 }} placeholder={t('announcement.searchPlaceholder')} defaultValue={q} onSearch={(v) => set({ q: v.trim() || undefined })} />
        <Checkbox checked={unread} onChange={(e) => set({ unread: e.target.checked ? 'true' : undefined })}>{t('announcement.onlyUnread')}</Checkbox>
      </Space>}
      rowKey="id"
      items={list.data?.items ?? []}
      loading={list.loading}
      paging={{ page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onPage: (p) => set({ page: String(p) }) }}
      empty={t('announcement.empty')}
      card={card}
      testIds={{ page: 'announcements-page' }}
      onRow={(a) => ({ 'data-testid': 'announcement-row', 'data-id': a.id, onClick: () => navigate(`/announcements/${a.id}`), style: { cursor: 'pointer' } }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('announcement.titleField'), dataIndex: 'title', ellipsis: true, render: (v: string, a) => <><Link to={`/announcements/${a.id}`}>{v}</Link> {unreadTag(a)}</> },
        { title: t('announcement.place'), dataIndex: 'placeName', width: 160 },
        { title: t('announcement.state'), dataIndex: 'state', width: 100, render: (s: AnnouncementState) => <StateTag state={s} /> },
        { title: t('announcement.publishedAt'), dataIndex: 'publishedAt', width: 170, render: (v: string | null) => (v ? localTime(v) : t('common.none')) },
        { title: t('announcement.readers'), dataIndex: 'readers', width: 80 },
      ]}
    />
  );
}
