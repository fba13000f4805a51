import { Card, Select, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { LedgerButton } from '../../app/components/LedgerButton';
import { useLoad } from '../../app/hooks/useLoad';
import { useT } from '../../app/i18n/I18nProvider';
import { useSession } from '../../app/session/SessionProvider';
import { POINTS_RANK_PERIODS, type PointsRankPeriod } from '../../../../contracts/party-points';
import { useCommunityChoice } from './useCommunityChoice';
import { partyApi } from './api';
import { PointsMemberDrawer, recentYears } from './PointsMemberDrawer';
import { PointsRecordForms } from './PointsRecordForms';
import { PointsRulesEditor } from './PointsRulesEditor';
import { pointsApi, type RankingRow } from './pointsApi';

const PAGE_SIZE = 20;

/** The values a period picker offers for a kind of period: years, halves of the recent years, their months. */
function periodValues(period: PointsRankPeriod): string[] {
  const years = recentYears();
  if (period === 'year') return years;
  if (period === 'half') return years.flatMap((y) => [`${y}-H2`, `${y}-H1`]);
  return years.flatMap((y) => Array.from({ length: 12 }, (_, i) => `${y}-${String(12 - i).padStart(2, '0')}`));
}
const nowValue = (period: PointsRankPeriod) => {
  const d = new Date(Date.now() + 8 * 3600_000).toISOString();
  return period === 'year' ? d.slice(0, 4) : period === 'half' ? `${d.slice(0, 4)}-H${Number(d.slice(5, 7)) <= 6 ? 1 : 2}` : d.slice(0, 7);
};

/** The ranking of a community for a period, filtered by org; a row opens the member's ledger. */
function Ranking({ placeId }: { placeId: string }) {
  const t = useT();
  const { can } = useSession();
  const [period, setPeriod] = useState<PointsRankPeriod>('year');
  const [of, setOf] = useState(nowValue('year'));
  const [orgId, setOrgId] = useState<string>();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<RankingRow>();
  const orgs = useLoad(() => partyApi.tree(), []);
  const list = useLoad(() => pointsApi.ranking({ placeId, period, of, orgId, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }), [placeId, period, of, orgId, page]);
  return (
    <Card size="small" data-testid="points-ranking"
      title={<Space wrap>
        <Select value={period} style={{ width: 90 }} data-testid="points-period"
          onChange={(p: PointsRankPeriod) => { setPeriod(p); setOf(nowValue(p)); setPage(1); }} options={POINTS_RANK_PERIODS.map((p) => ({ value: p, label: t(`partyPoints.periods.${p}`) }))} />
        <Select value={of} style={{ width: 110 }} onChange={(v: string) => { setOf(v); setPage(1); }} options={periodValues(period).map((v) => ({ value: v, label: v.replace('-H1', ' 上半年').replace('-H2', ' 下半年') }))} data-testid="points-of" />
        <Select allowClear placeholder={t('partyPoints.allOrgs')} value={orgId} style={{ width: 200 }} onChange={(v?: string) => { setOrgId(v); setPage(1); }}
          options={(orgs.data?.items ?? []).filter((o) => o.state === 'active').map((o) => ({ value: o.id, label: o.name }))} />
      </Space>}
      extra={can('party_points', 'export') && <LedgerButton href={pointsApi.rankingHref({ placeId, period, of, orgId })} fallbackName="party-points-ranking.xlsx">{t('partyPoints.export')}</LedgerButton>}>
      <Table<RankingRow> rowKey="memberId" size="small" dataSource={list.data?.items ?? []} loading={list.loading} scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('partyPoints.noRanking') }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        onRow={(r) => ({ 'data-testid': 'points-rank-row', 'data-id': r.memberId, onClick: () => setOpen(r), style: { cursor: 'pointer' } }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('partyPoints.rank'), dataIndex: 'rank', width: 64 },
          { title: t('partyPoints.member'), dataIndex: 'name' },
          { title: t('partyMember.org'), dataIndex: 'orgName', ellipsis: true },
          { title: t('partyPoints.points'), dataIndex: 'points', width: 90, render: (p: number) => <span data-testid="points-rank-points">{p}</span> },
        ]} />
      {open && <PointsMemberDrawer memberId={open.memberId} name={open.name} onClose={() => setOpen(undefined)} onChanged={list.reload} />}
    </Card>
  );
}

/** 积分: a community's ranking (period, org), recording service and meetings, and its rules. */
export function PartyPointsPage() {
  const t = useT();
  const { can } = useSession();
  const { placeId, picker } = useCommunityChoice('points-community');
  const [tick, setTick] = useState(0);
  return (
    <div data-testid="party-points-page">
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('partyPoints.title')}</Typography.Title>
        {picker}
      </Space>
      {!placeId ? <Typography.Paragraph type="secondary">{t('partyPoints.pickCommunity')}</Typography.Paragraph> : (
        <Tabs items={[
          { key: 'ranking', label: t('partyPoints.ranking'), children: <Ranking key={`${placeId}-${tick}`} placeId={placeId} /> },
          ...(can('party_points', 'record') ? [{ key: 'record', label: t('partyPoints.record'), children: <PointsRecordForms placeId={placeId} onRecorded={() => setTick((n) => n + 1)} /> }] : []),
          { key: 'rules', label: t('partyPoints.rules'), children: <PointsRulesEditor placeId={placeId} editable={can('party_points', 'rules')} /> },
        ]} />
      )}
    </div>
  );
}
