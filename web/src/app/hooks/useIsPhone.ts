import { useSyncExternalStore } from 'react';
import { PHONE_QUERY as query } from '../phone';

function subscribe(notify: () => void) {
  const mql = window.matchMedia(query);
  mql.addEventListener('change', notify);
  return () => mql.removeEventListener('change', notify);
}

export function useIsPhone(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
}
