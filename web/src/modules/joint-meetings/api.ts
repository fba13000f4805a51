import { api, qs } from '../../app/api/client';
import type { MeetingAction, MeetingState, TaskAction, TaskState, TDecision } from '../../../../contracts/joint-meetings';
import type { ChairAction, ChairState } from '../../../../contracts/rotating-chair';

export interface Meeting {
  id: string; title: string; placeId: string; placeName: string; plannedAt: string; venue: string; convenorName: string | null; state: MeetingState;
  heldAt: string | null; minutes: string | null; cancelReason: string | null; version: number;
}
export interface MeetingTask {
  id: string; meetingId: string; title: string; unitId: string; unitName: string; dueOn: string; state: TaskState; doneNote: string | null; overdue: boolean;
  version: number; actions: TaskAction[]; meetingTitle?: string;
}
export interface MeetingDetail extends Meeting {
  actions: MeetingAction[];
  items: { id: string; title: string; needId: string | null; needState: string | null }[];
  invitations: { unitId: string; unitName: string; signedInAt: string | null; signedInBy: string | null }[];
  tasks: MeetingTask[];
  signInUrl: string | null;
  mayConvene: boolean;
}
export interface AgendaNeed { id: string; title: string; category: string; placeName: string; createdAt: string; declined: boolean }
export interface SignInInfo {
  meetingId: string; title: string; plannedAt: string; venue: string; placeName: string; state: MeetingState; invited: boolean; unitName: string | null;
  signedInAt: string | null; open: boolean;
}
export interface PlanInput { placeId: string; title: string; plannedAt: string; venue: string; unitIds: string[]; needIds: string[]; items: string[] }

export const meetingsApi = {
  list: (q: { placeId?: string; state?: MeetingState; limit?: number; offset?: number }) => api.get<{ items: Meeting[]; total: number }>(`/api/joint-meetings${qs(q)}`),
  get: (id: string) => api.get<MeetingDetail>(`/api/joint-meetings/${id}`),
  plan: (body: PlanInput) => api.post<MeetingDetail>('/api/joint-meetings', body),
  agendaNeeds: (placeId: string) => api.get<{ items: AgendaNeed[] }>(`/api/joint-meetings/agenda-needs${qs({ placeId })}`),
  units: (placeId: string) => api.get<{ items: { id: string; name: string }[] }>(`/api/partner-units${qs({ placeId })}`),
  step: (id: string, action: MeetingAction, body: { version: number } & Record<string, unknown>) => api.post<Meeting>(`/api/joint-meetings/${id}/${action.replace(/_/g, '-')}`, body),
  publishMinutes: (id: string, body: { version: number; minutes: string; decisions: TDecision[] }) => api.post<Meeting>(`/api/joint-meetings/${id}/publish-minutes`, body),
  qrHref: (id: string) => `/api/joint-meetings/${id}/sign-in-qr.svg`,
  pdfHref: (id: string) => `/api/joint-meetings/${id}/minutes.pdf`,
  signInInfo: (key: string) => api.get<SignInInfo>(`/api/joint-meetings/sign-in/${key}`),
  signIn: (key: string) => api.post<SignInInfo>(`/api/joint-meetings/sign-in/${key}`),
  tasks: (q: { state?: TaskState; overdue?: 'true' | 'false' }) => api.get<{ items: MeetingTask[] }>(`/api/joint-meeting-tasks${qs(q)}`),
  completeTask: (id: string, body: { version: number; note: string }) => api.post<MeetingTask>(`/api/joint-meeting-tasks/${id}/complete`, body),
};

export interface ChairMonth {
  id: string; placeId: string; placeName: string; month: string; state: ChairState; plan: string | null; report: string | null; version: number;
  units: { id: string; name: string; size: 'large' | 'small' }[]; rating: number | null; ratings: number; actions: ChairAction[];
}
export interface ChairRating { id: string; raterKind: 'unit' | 'resident'; unitName: string | null; rating: number; comment: string | null; at: string }
export interface ChairDetail extends Omit<ChairMonth, 'rating' | 'ratings'> { ratings: ChairRating[]; mayRate: boolean }
export interface ChairWarning { code: string; month: string | null; message: { zh: string; en: string } }

export const chairApi = {
  list: (q: { placeId?: string; year?: number }) => api.get<{ year: number; items: ChairMonth[]; warnings: ChairWarning[] }>(`/api/chair-months${qs(q)}`),
  get: (id: string) => api.get<ChairDetail>(`/api/chair-months/${id}`),
  schedule: (body: { placeId: string; month: string; unitIds: string[] }) => api.post<ChairDetail>('/api/chair-months', body),
  step: (id: string, action: ChairAction, body: { version: number } & Record<string, unknown>) => api.post<ChairMonth>(`/api/chair-months/${id}/${action.replace(/_/g, '-')}`, body),
  rate: (id: string, body: { rating: number; comment?: string }) => api.post<{ ok: true }>(`/api/chair-months/${id}/ratings`, body),
};

export interface UnitEvaluation {
  year: number;
  unit: { id: string; name: string; partnerKind: string | null; placeName: string };
  agreement: { state: 'none' | 'active' | 'lapsing' | 'lapsed'; termStart: string | null; termEnd: string | null };
  resources: { id: string; title: string; capacity: number; state: string }[];
  needsTaken: number; needsDelivered: number; needsRated: number; needRating: number | null;
  meetings: { id: string; title: string; plannedAt: string; state: MeetingState; attended: boolean }[];
  meetingsInvited: number; meetingsAttended: number;
  tasks: { id: string; title: string; dueOn: string; state: TaskState; overdue: boolean }[]; tasksDone: number;
  chairMonths: { id: string; month: string; state: ChairState; rating: number | null; ratings: number }[]; chairRating: number | null;
}
export const evaluationApi = {
  get: (unitId: string, year: number) => api.get<UnitEvaluation>(`/api/unit-evaluations/${unitId}${qs({ year })}`),
  sheetHref: (unitId: string, year: number) => `/api/unit-evaluations/${unitId}/sheet.xlsx${qs({ year })}`,
};
