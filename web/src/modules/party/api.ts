import { api, qs } from '../../app/api/client';
import type { PartyOrgAction, PartyOrgKind, PartyOrgState, TPartySeatHolder } from '../../../../contracts/party';

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
