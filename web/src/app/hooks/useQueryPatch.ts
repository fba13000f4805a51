import { useSearchParams } from 'react-router';

/**
 * A list page's filters in the address: `set({ q: 'x' })` changes some, drops empty ones, and returns to page 1 unless the
 * page is what changes. It starts from the current address, not this render's, so a search typed right after a tab click
 * keeps the tab.
 */
export function useQueryPatch(): [URLSearchParams, (patch: Record<string, string | undefined>) => void] {
  const [params, setParams] = useSearchParams();
  const set = (patch: Record<string, string | undefined>) => {
    // The live address: react-router's own `prev` is this render's too.
    const next = new URLSearchParams(window.location.search);
    for (const [k, v] of Object.entries(patch)) if (v) next.set(k, v); else next.delete(k);
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: true });
  };
  return [params, set];
}
