import { Card, DatePicker, Empty, List, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { currentMonth } from '../../../../contracts/months';
import { useState } from 'react';
import { LedgerButton } from '../../app/components/LedgerButton';
import { useLoad } from '../../app/hooks/useLoad';
import { useI18n } from '../../app/i18n/I18nProvider';
import { PlaceSelect } from '../places/PlaceSelect';
import { ledgerHref, ledgersApi, type Ledger, type LedgerValues } from './api';

/** One ledger: the pickers its parameters need, and its export button. */
function LedgerRow({ ledger }: { ledger: Ledger }) {
  const { t, pick } = useI18n();
  const [values, setValues] = useState<LedgerValues>({ month: currentMonth() });
  const set = (patch: LedgerValues) => setValues((v) => ({ ...v, ...patch }));
  return (
    <List.Item data-testid="ledger" data-key={ledger.key}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text strong>{pick(ledger.title)}</Typography.Text>
        <Space wrap>
          {ledger.params.includes('placeId') && (
            <PlaceSelect value={values.placeId} onChange={(placeId) => set({ placeId })} placeholder={t('ledger.pickPlace')}
              style={{ width: 260 }} testId={`ledger-place-${ledger.key}`} />
          )}
          {ledger.params.includes('month') && (
            <DatePicker picker="month" allowClear={false} value={dayjs(`${values.month}-01`)} aria-label={t('ledger.month')}
              disabledDate={(d) => d.format('YYYY-MM') > currentMonth()} onChange={(d) => d && set({ month: d.format('YYYY-MM') })}
              data-testid={`ledger-month-${ledger.key}`} />
          )}
          <LedgerButton href={ledgerHref(ledger, values)} fallbackName={`${pick(ledger.title)}.xlsx`} testId={`ledger-export-${ledger.key}`}>
            {t('ledger.export')}
          </LedgerButton>
        </Space>
      </Space>
    </List.Item>
  );
}

/** 台账: every ledger the signed-in user may export, whichever module keeps it. */
export function LedgersPage() {
  const { t } = useI18n();
  const { data, loading } = useLoad(() => ledgersApi.list(), []);
  return (
    <Card title={t('ledger.title')} data-testid="ledgers-page">
      <Typography.Paragraph type="secondary">{t('ledger.hint')}</Typography.Paragraph>
      <List<Ledger> loading={loading} dataSource={data?.items ?? []} rowKey="key" renderItem={(l) => <LedgerRow ledger={l} />}
        locale={{ emptyText: <Empty description={t('ledger.empty')} data-testid="ledgers-empty" /> }} />
    </Card>
  );
}
