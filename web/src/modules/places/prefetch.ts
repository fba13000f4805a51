import { prefetch } from '../../app/api/client';
import type { Place } from '../../app/api/types';
import { PHONE_QUERY } from '../../app/phone';
import { placeUrls, TREE_PAGE } from './api';

/**
 * Asks for what /places shows first while the app's code is still loading: who is signed in, then the caller's roots,
 * then each root's children (the tree's first two levels) and, on /places, the first root's detail (where /places
 * leads). The page's own requests for the same addresses take these answers (`api.get`). Only after /api/me answers,
 * so that nobody signed out leaves failed answers behind.
 */
export function prefetchPlaces(pathname: string): void {
  // Only the place tree itself: '/' leads to each role's landing (staff to the workbench).
  const match = /^\/places(?:\/([^/]+))?\/?$/.exec(pathname);
  if (!match) return;
  const id = match[1] ? decodeURIComponent(match[1]) : undefined;
  prefetch('/api/me')
    .then(() => {
      if (id) prefetch(placeUrls.detail(id));
      return prefetch<{ items: Place[] }>(placeUrls.roots);
    })
    .then(({ items }) => {
      // A phone shows no tree, only the list of children, which pages on its own.
      if (!window.matchMedia(PHONE_QUERY).matches) {
        for (const root of items) if (root.level !== 'household') prefetch(placeUrls.children(root.id, TREE_PAGE, 0));
      }
      if (!id && items[0]) prefetch(placeUrls.detail(items[0].id));
    })
    .catch(() => undefined); // the page asks again and shows the error
}
