import { useSyncExternalStore } from 'react';

// Below antd's md breakpoint (768px) the app switches to its phone layout.
const query = '(max-width: 767.98px)';

function subscribe(notify: () => void) {
  const mql = window.matchMedia(query);
  mql.addEventListener('change', notify);
  return () => mql.removeEventListener('change', notify);
}

export function useIsPhone(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
}
