import { api } from '../../app/api/client';
import type { TContactMember, TPublicCard, TPublicCompoundPage } from '../../../../contracts/party-identity';

export interface QrCodeEntry { label: string; level: 'compound' | 'building'; key: string; url: string }

/** 亮身份 / 码上通: the public pages (no sign-in) and the staff's list of codes and printable sheet. */
export const identityApi = {
  compound: (key: string) => api.get<TPublicCompoundPage>(`/api/public/compounds/${encodeURIComponent(key)}`),
  card: (key: string) => api.get<TPublicCard>(`/api/public/cards/${encodeURIComponent(key)}`),
  contact: (key: string, body: TContactMember) => api.post<{ id: string }>(`/api/public/cards/${encodeURIComponent(key)}/messages`, body),
  codes: (communityId: string) => api.get<{ items: QrCodeEntry[] }>(`/api/party/communities/${communityId}/qr-codes`),
  sheetHref: (communityId: string) => `/api/party/communities/${communityId}/qr-sheet.pdf`,
};
