import { Drawer, Select, Spin } from 'antd';
import { useState } from 'react';
import { useLoad } from '../../app/hooks/useLoad';
import { useNotify } from '../../app/hooks/useNotify';
import { useT } from '../../app/i18n/I18nProvider';
import { useSession } from '../../app/session/SessionProvider';
import { PointsLedgerList } from './PointsLedgerList';
import { pointsApi } from './pointsApi';

export const recentYears = () => { const y = new Date().getFullYear(); return [y, y - 1, y - 2].map(String); };

/** One member's ledger for a year, with counter-entries for those who may correct. */
export function PointsMemberDrawer({ memberId, name, onClose, onChanged }: { memberId: string; name: string; onClose: () => void; onChanged: () => void }) {
  const t = useT();
  const { can } = useSession();
  const { success, error } = useNotify();
  const [year, setYear] = useState(recentYears()[0]!);
  const ledger = useLoad(() => pointsApi.ledger(memberId, year), [memberId, year]);
  const counter = async (entryId: string, reason: string) => {
    try {
      await pointsApi.counter(entryId, reason);
      success(t('partyPoints.countered'));
      ledger.reload();
      onChanged();
    } catch (err) {
      error(err);
    }
  };
  return (
    <Drawer open title={name} onClose={onClose} size="large" data-testid="points-member-drawer"
      extra={<Select value={year} onChange={setYear} options={recentYears().map((y) => ({ value: y, label: y }))} style={{ width: 100 }} />}>
      {ledger.data ? <PointsLedgerList ledger={ledger.data} onCounter={can('party_points', 'counter') ? (e, reason) => counter(e.id, reason) : undefined} /> : <Spin />}
    </Drawer>
  );
}
