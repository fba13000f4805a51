import { Card, Empty, Select, Spin } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../app/api/client';
import { useLoad } from '../../app/hooks/useLoad';
import { useT } from '../../app/i18n/I18nProvider';
import { PointsLedgerList } from './PointsLedgerList';
import { recentYears } from './PointsMemberDrawer';
import { pointsApi } from './pointsApi';

/** 我的积分: a party member's own ledger, made for a phone. */
export function MyPointsPage() {
  const t = useT();
  const [year, setYear] = useState(recentYears()[0]!);
  const ledger = useLoad(() => pointsApi.mine(year), [year]);
  const unlinked = ledger.error instanceof ApiError && ledger.error.status === 404;
  return (
    <Card size="small" title={t('partyPoints.mine')} data-testid="my-points" style={{ maxWidth: 640 }}
      extra={<Select value={year} onChange={setYear} options={recentYears().map((y) => ({ value: y, label: y }))} style={{ width: 90 }} />}>
      {unlinked ? <Empty description={t('partyPoints.notLinked')} /> : ledger.data ? <PointsLedgerList ledger={ledger.data} /> : <Spin />}
    </Card>
  );
}
