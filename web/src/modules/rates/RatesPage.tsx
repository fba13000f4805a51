import { Card, Select, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { LedgerButton } from '../../app/components/LedgerButton';
import { useLoad } from '../../app/hooks/useLoad';
import { useT } from '../../app/i18n/I18nProvider';
import { lastCompleteMonth, ratesApi, type Figure, type RateLevel, type RateRow } from './api';
import { FigureDrawer } from './FigureDrawer';
import { MonthPicker } from './MonthPicker';
import { RatesTable } from './RatesTable';
import { TrendChart } from './TrendChart';

const LEVELS: RateLevel[] = ['street', 'community', 'department'];

/** The three rates: a month's response, resolution and satisfaction rates per office, with drill-down, trend and export. */
export function RatesPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? lastCompleteMonth();
  const level = (params.get('level') as RateLevel | null) ?? 'community';
  const street = level === 'community' ? params.get('street') ?? undefined : undefined;
  const [selected, setSelected] = useState<RateRow | null>(null);
  const [figure, setFigure] = useState<{ row: RateRow; figure: Figure } | null>(null);
  const { data, loading } = useLoad(() => ratesApi.list(month, level), [month, level]);
  const set = (patch: Record<string, string | undefined>) => {
    setSelected(null);
    const next = Object.entries({ month, level, street, ...patch }).filter((e): e is [string, string] => e[1] !== undefined);
    setParams(Object.fromEntries(next), { replace: true });
  };
  // Until the new month or level has answered, the old rows are not this page's: their ids would ask the trend of the wrong kind of office.
  const current = data && data.month === month && data.level === level ? data : undefined;
  const all = current?.items ?? [];
  // The district admin's communities come from several streets: a filter narrows them to one (and the export with it).
  const streets = [...new Map(all.filter((r) => r.street).map((r) => [r.street!.id, r.street!.name])).entries()];
  const rows = street ? all.filter((r) => r.street?.id === street) : all;
  const trendOf = selected ?? rows[0] ?? null;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="rates-page">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('rates.title')}</Typography.Title>
        <Space wrap>
          <MonthPicker month={month} onChange={(m) => set({ month: m })} testId="rates-month" />
          {streets.length > 1 && (
            <Select style={{ minWidth: 140 }} value={street ?? ''} data-testid="rates-street" onChange={(v) => set({ street: v || undefined })}
              options={[{ value: '', label: t('rates.allStreets') }, ...streets.map(([value, label]) => ({ value, label }))]} />
          )}
          <LedgerButton href={ratesApi.xlsxUrl(month, level, street)} fallbackName={`三率排名_${month}.xlsx`} testId="rates-export">
            {t('rates.export')}
          </LedgerButton>
        </Space>
      </Space>
      <Tabs activeKey={level} onChange={(k) => set({ level: k, street: undefined })} items={LEVELS.map((l) => ({ key: l, label: t(`rates.${l}`) }))} />
      {current && (
        <Typography.Text type="secondary">
          {current.inProgress && <span data-testid="in-progress-note">{t('rates.inProgressNote')}。</span>}
          {t('rates.weights', { response: current.weights.response, resolution: current.weights.resolution, satisfaction: current.weights.satisfaction })}
          {';'}{t('rates.rankNote')}
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
