import { api, qs } from '../../app/api/client';
import type { PointsCapPeriod, PointsItemKind, PointsRankPeriod } from '../../../../contracts/party-points';
import type { PartyMemberCategory } from '../../../../contracts/party';

export interface PointsItem { id?: string; kind: PointsItemKind; name?: string; points: number; cap?: number | null; capPeriod?: PointsCapPeriod | null }
export interface PointsRules { placeId: string; items: Required<PointsItem>[]; version: number; updatedAt: string | null }
export interface PointsEntry {
  id: string; itemKind: PointsItemKind; itemName: string; quantity: number; points: number; capped: boolean; period: string; earnedOn: string;
  reason: string; countersId: string | null; countered?: boolean; createdByName: string; createdAt: string;
}
export interface MemberLedger { member: { id: string; name: string; category: PartyMemberCategory }; year: string; total: number; yearTotal: number; entries: PointsEntry[] }
export interface RankingRow { rank: number; memberId: string; name: string; category: PartyMemberCategory; orgName: string; phoneMasked: string | null; points: number }
export interface RankingQuery { placeId: string; period: PointsRankPeriod; of: string; orgId?: string; limit: number; offset: number }

export const pointsApi = {
  rules: (placeId: string) => api.get<PointsRules>(`/api/party-points/rules${qs({ placeId })}`),
  setRules: (placeId: string, version: number, items: PointsItem[]) => api.put<PointsRules>('/api/party-points/rules', { placeId, version, items }),
  ranking: (q: RankingQuery) => api.get<{ items: RankingRow[]; total: number; from: string; to: string }>(`/api/party-points/ranking${qs({ ...q })}`),
  rankingHref: (q: Omit<RankingQuery, 'limit' | 'offset'>) => `/api/party-points/ranking.xlsx${qs({ ...q })}`,
  ledger: (memberId: string, year: string) => api.get<MemberLedger>(`/api/party-members/${memberId}/points${qs({ year })}`),
  mine: (year: string) => api.get<MemberLedger>(`/api/party-points/mine${qs({ year })}`),
  service: (memberId: string, body: { hours: number; what: string; date: string }) => api.post<PointsEntry>(`/api/party-members/${memberId}/service`, body),
  meeting: (body: { placeId: string; title: string; date: string; memberIds: string[] }) => api.post<{ entries: PointsEntry[] }>('/api/party-points/meetings', body),
  counter: (entryId: string, reason: string) => api.post<PointsEntry>(`/api/party-points/${entryId}/counter`, { reason }),
};

/** Today in Beijing time, as the forms' default date. */
export const todayBeijing = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
