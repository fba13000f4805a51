import type { PlaceLevel } from '../../../../contracts/places';

/** What a place is called by its level and, for divisions, by its official name: a street-level 大塘镇 is a town (镇). */
export type PlaceKind = PlaceLevel | 'town' | 'township' | 'village';

/**
 * The official list names the division itself: streets (街道), towns (镇) and townships (乡) sit at the street level,
 * residents' communities (社区) and villages (村, from 村民委员会) at the community level. The level stays what the
 * platform works with; only the word shown follows the name.
 */
export function placeKind(place: { level: PlaceLevel | string; name: string }): PlaceKind {
  if (place.level === 'street') return place.name.endsWith('镇') ? 'town' : place.name.endsWith('乡') ? 'township' : 'street';
  if (place.level === 'community') return place.name.endsWith('村') ? 'village' : 'community';
  return place.level as PlaceLevel;
}
