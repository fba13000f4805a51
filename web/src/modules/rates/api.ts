import { api, qs } from '../../app/api/client';
import type { WorkOrder } from '../work-orders/api';

export { currentMonth, lastCompleteMonth } from '../../../../contracts/months';

export type RateLevel = 'street' | 'community' | 'department';
export const FIGURES = ['received', 'responded', 'due', 'resolved', 'rated', 'satisfied', 'basicallySatisfied'] as const;
export type Figure = (typeof FIGURES)[number] | 'notSatisfied';

export interface RateRow {
  officeId: string;
  name: string;
  received: number;
  responded: number;
  responseRate: number | null;
  due: number;
  resolved: number;
  resolutionRate: number | null;
  rated: number;
  satisfied: number;
  basicallySatisfied: number;
  satisfactionRate: number | null;
  score: number | null;
  rank: number | null;
  /** A community's street, by which the pages group and filter communities; null for streets and departments. */
  street: { id: string; name: string } | null;
}
export interface Weights { response: number; resolution: number; satisfaction: number }
/** `ranked: false`: the office had nothing to count this month; it is listed last, without rank or figures. */
export type PublicRow = Pick<RateRow, 'officeId' | 'name' | 'street' | 'received' | 'responseRate' | 'resolutionRate' | 'satisfactionRate' | 'score' | 'rank'> & { ranked: boolean };
/** What a ranking answers besides its rows: the month shown and whether it is still in progress. */
interface MonthNote { month: string; inProgress: boolean; weights: Weights }

export const ratesApi = {
  list: (month: string, level: RateLevel) => api.get<MonthNote & { level: RateLevel; items: RateRow[] }>(`/api/rates${qs({ month, level })}`),
  trend: (officeId: string, level: RateLevel, until: string) =>
    api.get<{ items: (RateRow & { month: string })[] }>(`/api/rates/trend${qs({ officeId, level, until, months: 6 })}`),
  orders: (month: string, level: RateLevel, officeId: string, figure: Figure) =>
    api.get<{ items: WorkOrder[] }>(`/api/rates/orders${qs({ month, level, officeId, figure })}`),
  xlsxUrl: (month: string, level: RateLevel, parentId?: string) => `/api/rates.xlsx${qs({ month, level, parentId })}`,
  publicRanking: (month: string, level: 'street' | 'community') =>
    api.get<MonthNote & { level: 'street' | 'community'; items: PublicRow[] }>(`/api/public/ranking${qs({ month, level })}`),
};

/** 0.9234 → "92.3%". */
export const percent = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(Math.round(x * 1000) / 10).toFixed(1)}%`);
export const scoreText = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(1));

/** Communities grouped under their streets, streets in the order their first community comes (the best-ranked first). */
export function byStreet<R extends { street: RateRow['street'] }>(rows: R[]): { street: RateRow['street']; rows: R[] }[] {
  const groups = new Map<string, { street: RateRow['street']; rows: R[] }>();
  for (const r of rows) {
    const key = r.street?.id ?? '';
    const g = groups.get(key) ?? groups.set(key, { street: r.street, rows: [] }).get(key)!;
    g.rows.push(r);
  }
  return [...groups.values()];
}
