import { api, qs } from '../../app/api/client';
import { WORKER_ROLES } from '../../../../contracts/roles';
import type { UnitKind } from '../../../../contracts/units';
import type { WorkOrderAction } from '../../../../contracts/work-order-steps';
import type { Channel, DemandType, Rating, Urgency, WorkOrderState } from '../../../../contracts/work-orders';
import type { Event, Page, Revealed, User } from '../../app/api/types';

/** A step of the state table (contracts/work-order-steps.ts; type only here: its schemas load with the order page, not the app). */
export type Step = WorkOrderAction;
export type Light = 'green' | 'yellow' | 'red' | null;

export interface WorkOrder {
  id: string;
  placeId: string;
  officeId: string;
  trackingNo: string;
  externalNo: string | null;
  channel: Channel;
  demandType: DemandType;
  categoryId: string;
  title: string;
  description: string;
  addressMasked: string | null;
  /** Where the reporter put the pin (Open311, WGS-84), when they did. */
  lat?: number | null;
  lng?: number | null;
  /** 是否保密: the reporter's name and phone are shown to nobody (保密); the office over the order reveals them. */
  confidential: boolean;
  urgency: Urgency;
  reporterName: string | null;
  reporterPhoneMasked: string | null;
  state: WorkOrderState;
  /** Who holds it now: a person (with their role) or a unit, by name. */
  assignee: { kind: 'user' | 'unit'; id: string; name: string | null; role: string | null } | null;
  dispatcherId: string | null;
  dispatcherName: string | null;
  /** Each deadline, when it was met, and its light while the order is open. */
  deadlines: Record<DeadlineKind, { due: string | null; doneAt: string | null; light: Light }>;
  /** Where the demand is: street › community › grid › compound › building, `linked` when I may open the place. */
  places: PlaceStep[];
  /** In the inbox: the steps that wait on me. */
  awaits?: Step[];
  reopenCount: number;
  supervised: boolean;
  receivedAt: string;
  resolveDue: string | null;
  resolvedAt: string | null;
  result: string | null;
  rating: Rating | null;
  ratingComment: string | null;
  /** The texts whose typed phone or ID numbers are shown masked (138****1234): each may be revealed, audited. */
  maskedTexts?: TypedText[];
  light: Light;
  mergedInto: string | null;
  version: number;
}

export type TypedText = 'title' | 'description' | 'result' | 'ratingComment';
/** A timeline entry's text as it was typed. */
export interface RevealedEvent { field: 'eventText'; eventId: number; value: Pick<Event, 'reason' | 'from' | 'to'> }

export type DeadlineKind = 'accept' | 'contact' | 'resolve';
export interface PlaceStep { id: string; name: string; level: string; linked: boolean }

/** A page of the inbox: with how many rows wait on me for each step. */
export type WorkOrderPage = Page<WorkOrder> & { counts?: Partial<Record<Step, number>> };

export interface WorkOrderDetail {
  order: WorkOrder;
  units: { id: string; name: string; calledAt: string; reportedAt: string | null; part: string | null }[];
  extensions: { id: string; days: number; reason: string; state: string; createdAt: string }[];
  photos: { id: string; stage: string; mime: string; size: number }[];
  actions: Step[];
  /** The duplicates merged into this order (those the caller may open). */
  duplicates: { id: string; trackingNo: string; title: string }[];
}

/** What a step answers: the order as it is now and the caller's next steps, so the page need not fetch it again. */
export type StepAnswer = WorkOrder & { actions: Step[] };

export interface Category { id: string; name: string; groupName: string; active: boolean }
export interface Unit { id: string; kind: UnitKind; name: string }
export interface NotificationPage { unread: number; items: Notification[]; nextCursor: string | null }
export interface Notification {
  id: string;
  entityType: string;
  entityId: string;
  text: { zh: string; en: string };
  readAt: string | null;
  createdAt: string;
}

export interface ListQuery {
  placeId?: string;
  streetId?: string;
  communityId?: string;
  /** Days (YYYY-MM-DD) received from and to, inclusive. */
  receivedFrom?: string;
  receivedTo?: string;
  state?: WorkOrderState;
  categoryId?: string;
  channel?: Channel;
  overdue?: boolean;
  /** Still to be resolved and due within 24 hours. */
  dueSoon?: boolean;
  mine?: boolean;
  /** With `mine`: only the orders on which this step waits on me. */
  awaits?: Step;
  q?: string;
  limit?: number;
  offset?: number;
}

export interface FileInput {
  channel: Channel;
  demandType: DemandType;
  categoryId: string;
  placeId: string;
  title: string;
  description: string;
  address?: string;
  reporterName?: string;
  reporterPhone?: string;
  externalNo?: string;
  urgency?: Urgency;
  confidential?: boolean;
}

const base = '/api/work-orders';
export const NOTIFICATION_PAGE = 20;

export const workOrdersApi = {
  list: (q: ListQuery) => api.get<WorkOrderPage>(`${base}${qs({ ...q })}`),
  get: (id: string) => api.get<WorkOrderDetail>(`${base}/${id}`),
  file: (input: FileInput) => api.post<WorkOrder>(base, input),
  /** A grid worker's patrol report with its photos; `handledOnSpot` with a result: filed, taken and resolved at once. */
  filePatrol: (input: Omit<FileInput, 'channel' | 'externalNo'> & { handledOnSpot?: boolean; result?: string }, photos: File[]) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(input)) if (v !== undefined && v !== '') form.append(k, String(v));
    for (const f of photos) form.append('photos', f, f.name);
    return api.post<WorkOrder>(`${base}/patrol`, form);
  },
  step: (id: string, step: Step, body: Record<string, unknown>) => api.post<StepAnswer>(`${base}/${id}/${step.replace(/_/g, '-')}`, body),
  reveal: (id: string, field: 'phone' | 'address' | 'name' | TypedText, reason: string) => api.post<Revealed>(`${base}/${id}/reveal`, { field, reason }),
  revealEvent: (id: string, eventId: number, reason: string) => api.post<RevealedEvent>(`${base}/${id}/reveal`, { field: 'eventText', eventId, reason }),
  photoUrl: (id: string, photoId: string) => `${base}/${id}/photos/${photoId}`,
  uploadPhotos: (id: string, files: File[]) => {
    const form = new FormData();
    for (const f of files) form.append('photos', f, f.name);
    return api.post<unknown>(`${base}/${id}/photos`, form);
  },
  /** The places the list filters by: the caller's top places, and a place's children (a district's streets, a street's communities). */
  roots: () => api.get<{ items: { id: string; name: string; level: string }[] }>('/api/places/roots'),
  children: (id: string) => api.get<{ items: { id: string; name: string; level: string }[] }>(`/api/places/${encodeURIComponent(id)}/children?limit=200`),
  categories: () => api.get<{ items: Category[] }>('/api/categories'),
  units: () => api.get<{ items: Unit[] }>('/api/units'),
  /** Active grid and community workers of the order's community whose area holds its place: whom it may be dispatched to. */
  workers: (officeId: string, placeId: string) => {
    const search = new URLSearchParams({ placeId: officeId, coversPlaceId: placeId, disabled: 'false', limit: '200' });
    for (const role of WORKER_ROLES) search.append('role', role);
    return api.get<Page<User>>(`/api/users?${search.toString()}`);
  },
  notifications: (before?: string) => api.get<NotificationPage>(`/api/notifications${qs({ limit: NOTIFICATION_PAGE, before })}`),
  readNotification: (id: string) => api.post<unknown>(`/api/notifications/${id}/read`),
};
