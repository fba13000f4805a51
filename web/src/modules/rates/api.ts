import { api, qs } from '../../app/api/client';
import type { WorkOrder } from '../work-orders/api';

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
}
export interface Weights { response: number; resolution: number; satisfaction: number }
/** `ranked: false`: the office had nothing to count this month; it is listed last, without rank or figures. */
export type PublicRow = Pick<RateRow, 'officeId' | 'name' | 'received' | 'responseRate' | 'resolutionRate' | 'satisfactionRate' | 'score' | 'rank'> & { ranked: boolean };

export const ratesApi = {
  list: (month: string, level: RateLevel) => api.get<{ month: string; level: RateLevel; items: RateRow[]; weights: Weights }>(`/api/rates${qs({ month, level })}`),
  trend: (officeId: string, level: RateLevel, until: string) =>
    api.get<{ items: (RateRow & { month: string })[] }>(`/api/rates/trend${qs({ officeId, level, until, months: 6 })}`),
  orders: (month: string, level: RateLevel, officeId: string, figure: Figure) =>
    api.get<{ items: WorkOrder[] }>(`/api/rates/orders${qs({ month, level, officeId, figure })}`),
  xlsxUrl: (month: string, level: RateLevel) => `/api/rates.xlsx${qs({ month, level })}`,
  publicRanking: (month: string, level: 'street' | 'community') =>
    api.get<{ items: PublicRow[]; weights: Weights }>(`/api/public/ranking${qs({ month, level })}`),
};

/** 0.9234 → "92.3%". */
export const percent = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(Math.round(x * 1000) / 10).toFixed(1)}%`);
export const scoreText = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(1));
