import { api, qs } from '../../app/api/client';
import type { PartyCheckinAction, PartyCheckinKind, PartyCheckinState, PartyReportPeriod } from '../../../../contracts/party-checkins';
import type { PartyMemberCategory } from '../../../../contracts/party';

export interface Checkin {
  id: string; memberId: string; placeId: string; unitId: string | null; kind: PartyCheckinKind; year: string; note: string | null; state: PartyCheckinState;
  declineReason: string | null; decidedAt: string | null; version: number; createdAt: string; updatedAt: string;
}
export interface CheckinItem extends Checkin { memberName: string; unitName: string | null; actions: PartyCheckinAction[] }
export interface CheckinRules { placeId: string; deadline: string; reportPeriod: PartyReportPeriod; version: number; updatedAt: string | null }
export interface MissingRow { memberId: string; name: string; unitName: string | null; late: boolean }
export interface MyCheckins {
  member: { id: string; name: string; category: PartyMemberCategory };
  community: { id: string; name: string; rules: CheckinRules } | null;
  items: (Checkin & { placeName: string })[];
}
export interface EmployerMember {
  memberId: string; name: string; placeName: string; kind: PartyCheckinKind; state: PartyCheckinState; declineReason: string | null;
  checkedInAt: string; decidedAt: string | null; hours: number; ratings: number; posts: string[];
}
export interface EmployerView { unitId: string; unitName: string; of: string; from: string; to: string; members: EmployerMember[] }

export const checkinApi = {
  list: (placeId: string, state: PartyCheckinState, year?: string) =>
    api.get<{ items: CheckinItem[]; total: number }>(`/api/party-checkins${qs({ placeId, state, year, limit: 500 })}`),
  step: (id: string, action: PartyCheckinAction, body: { version: number } & Record<string, unknown>) => api.post<Checkin>(`/api/party-checkins/${id}/${action}`, body),
  rules: (placeId: string) => api.get<CheckinRules>(`/api/party-checkins/rules${qs({ placeId })}`),
  setRules: (body: { placeId: string; version: number; deadline: string; reportPeriod: PartyReportPeriod }) => api.put<CheckinRules>('/api/party-checkins/rules', body),
  missing: (placeId: string, kind: 'checkin' | 'report') =>
    api.get<{ kind: string; of: string; deadline?: string; items: MissingRow[] }>(`/api/party-checkins/missing${qs({ placeId, kind })}`),
  mine: () => api.get<MyCheckins>('/api/party-checkins/mine'),
  checkIn: (body: { kind: PartyCheckinKind; note?: string }) => api.post<Checkin & { placeName: string }>('/api/party-checkins/mine', body),
  employer: (of: string) => api.get<EmployerView>(`/api/party-checkins/employer${qs({ of })}`),
  reportHref: (of: string) => `/api/party-checkins/employer-report.xlsx${qs({ of })}`,
};

/** The current half year in Beijing time (2026-H2). */
export const currentHalf = () => {
  const d = new Date(Date.now() + 8 * 3600_000).toISOString();
  return `${d.slice(0, 4)}-H${Number(d.slice(5, 7)) <= 6 ? 1 : 2}`;
};
