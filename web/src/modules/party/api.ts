import { api, qs } from '../../app/api/client';
import type { PartyClaimAction, PartyClaimState, PartyPostAction, PartyPostKind, PartyPostState, PartyMemberAction, PartyMemberCategory, PartyMemberState, PartyOrgAction, PartyOrgKind, PartyOrgState, TPartySeatHolder } from '../../../../contracts/party';
import type { Revealed } from '../../app/api/types';

export interface PartyOrg {
  id: string;
  kind: PartyOrgKind;
  name: string;
  placeId: string;
  unitId: string | null;
  committee: TPartySeatHolder[];
  secretary: string | null;
  state: PartyOrgState;
  version: number;
}
export interface PartyOrgItem extends PartyOrg { placeName: string; placeLevel: string; unitName: string | null; parentId: string | null }
export interface GapPlace { id: string; name: string; parentName: string | null }
export interface Gaps { compoundsWithoutBranch: { items: GapPlace[]; total: number }; buildingsWithoutGroup: { items: GapPlace[]; total: number } }
export interface NewPartyOrg { kind: PartyOrgKind; name: string; placeId: string; unitId?: string; committee: TPartySeatHolder[] }

export const partyApi = {
  tree: () => api.get<{ items: PartyOrgItem[]; total: number }>(`/api/party-orgs${qs({ limit: 2000 })}`),
  gaps: (placeId: string) => api.get<Gaps>(`/api/party-orgs/gaps${qs({ placeId, limit: 200 })}`),
  create: (org: NewPartyOrg) => api.post<PartyOrg & { actions: PartyOrgAction[] }>('/api/party-orgs', org),
  get: (id: string) => api.get<PartyOrgItem & { actions: PartyOrgAction[] }>(`/api/party-orgs/${id}`),
  step: (id: string, action: PartyOrgAction, body: { version: number } & Record<string, unknown>) =>
    api.post<PartyOrg & { actions: PartyOrgAction[] }>(`/api/party-orgs/${id}/${action}`, body),
};

export const partnerUnits = () => api.get<{ items: { id: string; name: string }[] }>('/api/units?kind=partner_unit');
/** Departments and partner units: an in-service member's employer is either. */
export const allUnits = () => api.get<{ items: { id: string; name: string }[] }>('/api/units');

export interface PartyMember {
  id: string;
  name: string;
  category: PartyMemberCategory;
  orgId: string;
  householdId: string | null;
  unitId: string | null;
  phoneMasked: string | null;
  idNumberMasked: string | null;
  centralHousehold: boolean;
  state: PartyMemberState;
  version: number;
}
export interface PartyMemberItem extends PartyMember { orgName: string; unitName: string | null; householdName: string | null }
export interface MemberQuery { category?: PartyMemberCategory; q?: string; centralHousehold?: boolean; limit: number; offset: number }
export interface NewPartyMember { name: string; category: PartyMemberCategory; orgId: string; householdId?: string; unitId?: string; phone?: string; idNumber?: string; centralHousehold: boolean }

export const memberApi = {
  list: (q: MemberQuery) => api.get<{ items: PartyMemberItem[]; total: number }>(`/api/party-members${qs({ ...q, centralHousehold: q.centralHousehold ? 'true' : undefined })}`),
  get: (id: string) => api.get<PartyMember & { photo: string | null; actions: PartyMemberAction[] }>(`/api/party-members/${id}`),
  account: (id: string) => api.get<MemberAccount>(`/api/party-members/${id}/account`),
  setAccount: (id: string, userId: string | null) => api.put<MemberAccount>(`/api/party-members/${id}/account`, { userId }),
  uploadPhoto: (id: string, file: File) => { const f = new FormData(); f.append('photos', file, file.name); return api.post<{ photoId: string }>(`/api/party-members/${id}/photo`, f); },
  create: (m: NewPartyMember) => api.post<PartyMember>('/api/party-members', m),
  step: (id: string, action: PartyMemberAction, body: { version: number } & Record<string, unknown>) => api.post<PartyMember>(`/api/party-members/${id}/${action}`, body),
  reveal: (id: string, field: 'phone' | 'idNumber', reason: string) => api.post<Revealed>(`/api/party-members/${id}/reveal`, { field, reason }),
  exportHref: (placeId: string) => `/api/party-members.xlsx${qs({ placeId })}`,
  importUrl: (placeId: string) => `/api/party-members/roster${qs({ placeId })}`,
};

export interface PartyPost { id: string; kind: PartyPostKind; title: string; duties: string; placeId: string; placesTotal: number; placesTaken: number; state: PartyPostState; version: number }
export interface PartyPostItem extends PartyPost { placeName: string; actions: PartyPostAction[] }
export interface PartyClaim { id: string; memberId: string; memberName: string; source: 'self' | 'recommended'; state: PartyClaimState; version: number; actions: PartyClaimAction[] }
export interface NewPartyPost { kind: PartyPostKind; title: string; duties: string; placeId: string; places: number }

export const postApi = {
  list: (limit: number, offset: number) => api.get<{ items: PartyPostItem[]; total: number }>(`/api/party-posts${qs({ limit, offset })}`),
  get: (id: string) => api.get<PartyPost & { actions: PartyPostAction[]; claims: PartyClaim[] }>(`/api/party-posts/${id}`),
  create: (p: NewPartyPost) => api.post<PartyPost>('/api/party-posts', p),
  step: (id: string, action: PartyPostAction, body: { version: number } & Record<string, unknown>) => api.post<PartyPost>(`/api/party-posts/${id}/${action}`, body),
  nominate: (id: string, memberId: string) => api.post<PartyClaim>(`/api/party-posts/${id}/nominations`, { memberId }),
  claimStep: (id: string, action: PartyClaimAction, body: { version: number } & Record<string, unknown>) => api.post<PartyClaim>(`/api/party-claims/${id}/${action}`, body),
  lacking: (placeId: string) => api.get<{ items: GapPlace[]; total: number }>(`/api/party-posts/lacking-heads${qs({ placeId, limit: 200 })}`),
  h5List: (placeId: string) => api.get<{ posts: { id: string; title: string; duties: string; placeName: string; placesLeft: number }[]; members: { id: string; name: string }[] }>(`/api/h5/party-posts${qs({ placeId })}`),
  h5Recommend: (id: string, memberId: string, placeId: string) => api.post<{ id: string }>(`/api/h5/party-posts/${id}/recommend`, { memberId, placeId }),
};

export interface ContactMessage { id: string; memberId: string; memberName: string; senderName: string; text: string; createdAt: string }
export const contactMessageApi = {
  list: (limit: number, offset: number) => api.get<{ items: ContactMessage[]; total: number }>(`/api/party-contact-messages${qs({ limit, offset })}`),
};

export interface AccountName { id: string; username: string | null; displayName: string | null }
export interface MemberAccount { linked: AccountName | null; candidates: AccountName[] }
