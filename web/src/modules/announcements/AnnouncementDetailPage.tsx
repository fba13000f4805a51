import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Skeleton, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ListPage } from '../../app/components/ListPage';
import { useIsPhone } from '../../app/hooks/useIsPhone';
import { useLoad } from '../../app/hooks/useLoad';
import { useNotify } from '../../app/hooks/useNotify';
import { useT } from '../../app/i18n/I18nProvider';
import { useSession } from '../../app/session/SessionProvider';
import { localTime } from '../timeline/format';
import { announcementsApi, type CompoundReceipt } from './api';
import { StateTag, StepButtons } from './AnnouncementParts';

const RECEIPTS_PAGE = 20;

/** Read receipts per compound of the notice's subtree, as far as my area reaches. */
function ReceiptsTable({ id, tick }: { id: string; tick: number }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const { data, loading } = useLoad(() => announcementsApi.receipts(id, RECEIPTS_PAGE, (page - 1) * RECEIPTS_PAGE), [id, page, tick]);
  const card = (r: CompoundReceipt) => (
    <Card size="small" style={{ marginBottom: 8 }} data-testid="receipt-card" data-id={r.compoundId}>
      <Typography.Text strong>{r.name}</Typography.Text> <Typography.Text type="secondary">{r.community}</Typography.Text>
      <div>{t('announcement.householdsRead')} {r.householdsRead}/{r.households} · {t('announcement.readerCount')} <span data-testid="receipt-readers">{r.readers}</span></div>
    </Card>
  );
  return (
    <ListPage<CompoundReceipt>
      compact title={t('announcement.receipts')} rowKey="compoundId" items={data?.items ?? []} loading={loading} card={card}
      extra={data && <Typography.Text type="secondary" data-testid="receipt-totals">{t('announcement.totals', data.totals)}</Typography.Text>}
      paging={{ page, pageSize: RECEIPTS_PAGE, total: data?.total ?? 0, onPage: setPage }}
      testIds={{ page: 'receipts' }}
      onRow={(r) => ({ 'data-testid': 'receipt-row', 'data-id': r.compoundId }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('announcement.compound'), dataIndex: 'name' },
        { title: t('announcement.community'), dataIndex: 'community', width: 140 },
        { title: t('announcement.households'), dataIndex: 'households', width: 90 },
        { title: t('announcement.householdsRead'), dataIndex: 'householdsRead', width: 100 },
        { title: t('announcement.readerCount'), dataIndex: 'readers', width: 100, render: (n: number) => <span data-testid="receipt-readers">{n}</span> },
      ]}
    />
  );
}

/** One notice: its text, the steps I may take, and (once published) its read receipts. Opening a published notice marks it read. */
export function AnnouncementDetailPage() {
  const t = useT();
  const { id = '' } = useParams();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const { can } = useSession();
  const { errorText } = useNotify();
  const { data, error, reload } = useLoad(() => announcementsApi.get(id), [id]);
  const [tick, setTick] = useState(0);
  const published = data?.announcement.state === 'published';
  useEffect(() => {
    if (published && !data?.readAt) void announcementsApi.read(id).then(() => setTick((n) => n + 1), () => undefined);
  }, [id, published, data?.readAt]);

  if (error) return <Alert type="error" showIcon title={errorText(error)} data-testid="announcement-not-found" />;
  if (!data) return <Skeleton active />;
  const a = data.announcement;
  const none = t('common.none');
  const item = (label: string, value: React.ReactNode) => ({ key: label, label, children: value ?? none });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="announcement-detail">
      <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/announcements')}>{t('common.back')}</Button>
      <Card title={<span data-testid="announcement-title">{a.title}</span>} extra={<StateTag state={a.state} />}>
        <Space wrap style={{ marginBottom: 16 }}>
          {data.actions.includes('edit') && <Link to={`/announcements/${a.id}/edit`}><Button icon={<EditOutlined />} data-testid="announcement-edit">{t('common.edit')}</Button></Link>}
          <StepButtons id={a.id} version={a.version} actions={data.actions} onDone={reload} />
        </Space>
        <Descriptions column={isPhone ? 1 : 2} size="small" bordered items={[
          item(t('announcement.place'), data.placeName), item(t('announcement.office'), data.officeName),
          item(t('announcement.author'), data.authorName), item(t('announcement.publishedAt'), a.publishedAt && localTime(a.publishedAt)),
          ...(a.withdrawnAt ? [item(t('announcement.withdrawnAt'), localTime(a.withdrawnAt))] : []),
        ]} />
        <Typography.Paragraph style={{ marginTop: 16, whiteSpace: 'pre-wrap' }} data-testid="announcement-body">{a.body}</Typography.Paragraph>
      </Card>
      {a.state !== 'draft' && can('announcement', 'receipts') && <ReceiptsTable id={a.id} tick={tick} />}
    </Space>
  );
}
