import { isWithin } from '../../core/access/scope.js';
import type { DbOrTrx } from '../../core/db.js';
import type { Message } from '../../core/errors.js';
import { communityIdOf, findCommunities, findCompoundsNamed, findPlace, type PlaceRow } from './queries.js';
import { placeMsg } from './messages.js';

/** Where an outside system says a demand is: our place id, or a community (division code, id or name) and maybe a compound name. */
export interface PlaceWanted {
  placeId?: string;
  community?: string;
  compound?: string;
}

export type PlaceMiss = 'missing' | 'not_found' | 'unmatched' | 'ambiguous' | 'too_high';
export type Resolved = { place: PlaceRow } | { miss: PlaceMiss; field: 'placeId' | 'community' | 'compound' };

export const PLACE_MISS_TEXT: Record<PlaceMiss, Message> = {
  missing: placeMsg.missMissing,
  not_found: placeMsg.missNotFound,
  unmatched: placeMsg.missUnmatched,
  ambiguous: placeMsg.missAmbiguous,
  too_high: placeMsg.missTooHigh,
};

/**
 * Places demands inside `roots` (the subtrees the caller may file in). A place id wins; otherwise a compound named
 * under the community (or anywhere in the roots when it is unique); a compound name that matches nothing falls back
 * to the community, whose worker re-places the order. A point (lat/long) is placed by place-geometry's lookup, not here.
 */
export function createPlaceResolver(db: DbOrTrx, roots: string[]) {
  const cache = new Map<string, Promise<PlaceRow[]>>();
  const memo = (key: string, load: () => Promise<PlaceRow[]>) => {
    if (!cache.has(key)) cache.set(key, load());
    return cache.get(key)!;
  };
  const communities = (ref: string) => memo(`c|${ref}`, () => findCommunities(db, ref, roots));
  const compounds = (name: string, under: string[]) => memo(`p|${under.join(',')}|${name}`, () => findCompoundsNamed(db, name, under));

  return async function resolvePlace(w: PlaceWanted): Promise<Resolved> {
    if (w.placeId) {
      const place = await findPlace(db, w.placeId);
      if (!place || !roots.some((r) => isWithin(place.path, r))) return { miss: 'not_found', field: 'placeId' };
      if (!communityIdOf(place.path)) return { miss: 'too_high', field: 'placeId' };
      return { place };
    }
    let community: PlaceRow | undefined;
    if (w.community) {
      const found = await communities(w.community);
      if (found.length !== 1) return { miss: found.length ? 'ambiguous' : 'not_found', field: 'community' };
      community = found[0];
    }
    if (w.compound) {
      const found = await compounds(w.compound, community ? [community.path] : roots);
      if (found.length === 1) return { place: found[0]! };
      if (found.length > 1) return { miss: 'ambiguous', field: 'compound' };
      if (!community) return { miss: 'unmatched', field: 'compound' };
    }
    return community ? { place: community } : { miss: 'missing', field: 'community' };
  };
}
