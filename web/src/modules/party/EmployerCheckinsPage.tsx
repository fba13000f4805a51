import { Card, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { LedgerButton } from '../../app/components/LedgerButton';
import { useLoad } from '../../app/hooks/useLoad';
import { useT } from '../../app/i18n/I18nProvider';
import type { PartyCheckinState } from '../../../../contracts/party-checkins';
import { checkinApi, currentHalf, type EmployerMember } from './checkinApi';
import { recentYears } from './PointsMemberDrawer';

/** 本单位党员双报到: a partner unit's contact sees its members' check-ins and service in a half year (names only) and exports the report. */
export function EmployerCheckinsPage() {
  const t = useT();
  const [of, setOf] = useState(currentHalf());
  const view = useLoad(() => checkinApi.employer(of), [of]);
  return (
    <Card size="small" data-testid="employer-checkins" title={`${t('partyCheckin.employerTitle')} ${view.data?.unitName ?? ''}`}
      extra={<>
        <Select value={of} onChange={setOf} style={{ width: 130, marginRight: 8 }} data-testid="employer-of"
          options={recentYears().flatMap((y) => [`${y}-H2`, `${y}-H1`]).map((v) => ({ value: v, label: v.replace('-H1', ' 上半年').replace('-H2', ' 下半年') }))} />
        <LedgerButton href={checkinApi.reportHref(of)} fallbackName="party-checkin-report.xlsx" testId="employer-report">{t('partyCheckin.report')}</LedgerButton>
      </>}>
      <Table<EmployerMember> rowKey="memberId" size="small" dataSource={view.data?.members ?? []} loading={view.loading} pagination={false} scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('partyCheckin.empty') }}
        onRow={(m) => ({ 'data-testid': 'employer-row', 'data-member': m.name }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('partyCheckin.member'), dataIndex: 'name' },
          { title: t('partyCheckin.community'), dataIndex: 'placeName' },
          { title: t('partyCheckin.kind'), dataIndex: 'kind', render: (k: EmployerMember['kind']) => t(`partyCheckin.kinds.${k}`) },
          { title: t('partyCheckin.state'), dataIndex: 'state', render: (s: PartyCheckinState) => <Tag color={s === 'confirmed' ? 'green' : s === 'declined' ? 'red' : 'gold'} data-testid="employer-state">{t(`partyCheckin.states.${s}`)}</Tag> },
          { title: t('partyCheckin.hours'), dataIndex: 'hours' },
          { title: t('partyCheckin.posts'), dataIndex: 'posts', render: (p: string[]) => p.join('、') },
          { title: t('partyCheckin.ratings'), dataIndex: 'ratings' },
        ]} />
    </Card>
  );
}
