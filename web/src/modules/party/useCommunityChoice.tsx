import { useState } from 'react';
import { useMe } from '../../app/session/SessionProvider';
import { PlaceSelect } from '../places/PlaceSelect';

/** The community a party page works on: the caller's own to start with, and the picker to choose another in scope. */
export function useCommunityChoice(testId: string) {
  const me = useMe();
  const home = me.roles.find((r) => r.placeLevel === 'community');
  const [placeId, setPlaceId] = useState<string | undefined>(home?.placeId);
  const picker = <PlaceSelect level="community" value={placeId} initialLabel={home?.placeName} onChange={(id) => setPlaceId(id)} style={{ width: 220 }} testId={testId} />;
  return { placeId, picker };
}
