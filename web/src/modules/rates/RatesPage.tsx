import { Card, DatePicker, Space, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { LedgerButton } from '../../app/components/LedgerButton';
import { useLoad } from '../../app/hooks/useLoad';
import { useT } from '../../app/i18n/I18nProvider';
import { ratesApi, type Figure, type RateLevel, type RateRow } from './api';
import { FigureDrawer } from './FigureDrawer';
import { RatesTable } from './RatesTable';
import { TrendChart } from './TrendChart';

const LEVELS: RateLevel[] = ['street', 'community', 'department'];

/** The three rates: a month's response, resolution and satisfaction rates per office, with drill-down, trend and export. */
export function RatesPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? dayjs().format('YYYY-MM');
  const level = (params.get('level') as RateLevel | null) ?? 'community';
  const [selected, setSelected] = useState<RateRow | null>(null);
  const [figure, setFigure] = useState<{ row: RateRow; figure: Figure } | null>(null);
  const { data, loading } = useLoad(() => ratesApi.list(month, level), [month, level]);
  const set = (patch: Record<string, string>) => {
    setSelected(null);
    setParams({ month, level, ...patch }, { replace: true });
  };
  // Until the new month or level has answered, the old rows are not this page's: their ids would ask the trend of the wrong kind of office.
  const current = data && data.month === month && data.level === level ? data : undefined;
  const rows = current?.items ?? [];
  const trendOf = selected ?? rows[0] ?? null;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="rates-page">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('rates.title')}</Typography.Title>
        <Space wrap>
          <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} data-testid="rates-month"
            disabledDate={(d) => d.isAfter(dayjs(), 'month')} onChange={(d) => d && set({ month: d.format('YYYY-MM') })} />
          <LedgerButton href={ratesApi.xlsxUrl(month, level)} fallbackName={`rates-${month}.xlsx`} testId="rates-export">
            {t('rates.export')}
          </LedgerButton>
        </Space>
      </Space>
      <Tabs activeKey={level} onChange={(k) => set({ level: k })} items={LEVELS.map((l) => ({ key: l, label: t(`rates.${l}`) }))} />
      {current && (
        <Typography.Text type="secondary">
          {t('rates.weights', { response: current.weights.response, resolution: current.weights.resolution, satisfaction: current.weights.satisfaction })}
        </Typography.Text>
      )}
      <RatesTable rows={rows} loading={loading} selected={trendOf?.officeId} onSelect={setSelected}
        onFigure={(row, f) => setFigure({ row, figure: f })} />
      {trendOf && (
        <Card size="small" title={<span data-testid="trend-title">{t('rates.trend', { name: trendOf.name })}</span>}>
          <TrendChart officeId={trendOf.officeId} level={level} until={month} />
        </Card>
      )}
      <FigureDrawer month={month} level={level} target={figure} onClose={() => setFigure(null)} />
    </Space>
  );
}
