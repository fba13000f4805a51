import { z } from 'zod';
import { bilingual, ZString } from './validation.js';
import type { TPublicServiceSite } from './service-sites.js';

/** 亮身份 / 码上通: what a compound's public QR page and a post holder's public card show. Names only, nothing personal. */
export interface TPublicCompoundPage {
  compound: { name: string; communityName: string | null };
  /** Set when the code scanned was a building's. */
  building: string | null;
  branch: { name: string; secretary: string | null } | null;
  buildingHeads: { building: string; name: string; post: string; duties: string; photo: string | null; card: string | null }[];
  /** 党员中心户: the member's name and building, never the room. */
  centralHouseholds: { name: string; building: string }[];
  partnerUnits: { name: string }[];
  /** 便民服务点: none are kept as places yet, so always empty for now. */
  /** The open service centres and service points on the compound, above it or inside it, the nearest first. */
  serviceSites: TPublicServiceSite[];
  announcements: { title: string; publishedAt: string | null; body: string }[];
  /** The resident H5 page that files a demand with this compound (or building) already chosen. */
  fileDemandHref: string;
}

export interface TPublicCard {
  name: string;
  photo: string | null;
  compound: string | null;
  posts: { title: string; duties: string; place: string }[];
}

/** A passer-by's message through a card's "contact me" (联系我): a name to call them by and a short text. */
export const ZContactMember = z.object({
  senderName: ZString().trim().min(1, bilingual('请留下称呼', 'Leave a name to call you by')).max(20, bilingual('称呼不超过20字', 'At most 20 characters')),
  text: ZString().trim().min(5, bilingual('留言至少5个字', 'At least 5 characters')).max(500, bilingual('留言不超过500字', 'At most 500 characters')),
});
export type TContactMember = z.infer<typeof ZContactMember>;
