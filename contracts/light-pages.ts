import { lastCompleteMonth } from './months.js';

/**
 * The pages the light entry (web/h5.html, web/src/h5-light) draws for residents' phones and the public: the H5 filing
 * and my-demands pages, the notices, the party posts, the needs and a month's rotating chair to rate, the public ranking, the compound QR page and the party member's card. The server sends h5.html
 * for these paths and the back office (index.html) for every other; the light pages load the others in full.
 */
const LIGHT_PAGES = [/^\/h5\/?$/, /^\/h5\/demands(\/[^/]+)?\/?$/, /^\/h5\/(announcements|party-posts|needs)\/?$/, /^\/h5\/needs\/[^/]+\/?$/, /^\/h5\/chair-months\/[^/]+\/?$/, /^\/public\/ranking\/?$/, /^\/q\/[^/]+\/?$/, /^\/card\/[^/]+\/?$/];

/** `path` without its query string. */
export const isLightPage = (path: string): boolean => LIGHT_PAGES.some((r) => r.test(path));

const ID = /^[\w-]{1,64}$/;
const segment = (raw: string) => {
  try {
    return encodeURIComponent(decodeURIComponent(raw));
  } catch {
    return null;
  }
};

/**
 * The API requests a light page's first screen makes, exactly as the page makes them: the server names them in the page
 * (`<link rel="preload">`), so a phone asks for them while the scripts are still on their way, one round trip instead of
 * two or three after them. A path that is not a light page has none.
 */
export function firstRequests(path: string, query: URLSearchParams, now = new Date()): string[] {
  const p = path.replace(/\/+$/, '') || '/';
  if (p === '/h5') {
    const place = query.get('place');
    return ['/api/h5/me', '/api/h5/categories', ...(place && ID.test(place) ? [`/api/h5/places/${place}`] : [])];
  }
  if (p === '/h5/demands') return ['/api/h5/me', '/api/h5/demands?limit=50'];
  if (p === '/h5/announcements' || p === '/h5/party-posts' || p.startsWith('/h5/needs') || p.startsWith('/h5/chair-months/')) return ['/api/h5/me'];
  const demand = /^\/h5\/demands\/([^/]+)$/.exec(p)?.[1];
  if (demand) return ID.test(demand) ? ['/api/h5/me', `/api/h5/demands/${demand}`] : ['/api/h5/me'];
  if (p === '/public/ranking') return [`/api/public/ranking?month=${lastCompleteMonth(now)}&level=community`];
  const key = /^\/(q|card)\/([^/]+)$/.exec(p);
  const k = key ? segment(key[2]!) : null;
  if (key && k) return [key[1] === 'q' ? `/api/public/compounds/${k}` : `/api/public/cards/${k}`];
  return [];
}
