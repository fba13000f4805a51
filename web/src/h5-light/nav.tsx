import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from 'react';
import { isLightPage } from '../../../contracts/light-pages';

/**
 * The light pages' own routing: the History API, no router library. Paths this entry draws (`isLightPage`) change in
 * place; any other path (the back office's H5 pages) is a full page load, which the server answers with the back office.
 */

const listeners = new Set<() => void>();

export function navigate(to: string): void {
  const path = to.split('?')[0]!;
  if (!isLightPage(path)) {
    window.location.assign(to);
    return;
  }
  window.history.pushState(null, '', to);
  window.scrollTo(0, 0);
  for (const l of listeners) l();
}

/** The current location (path and query), updated on navigate() and on the browser's back and forward. */
export function useLocation(): { path: string; query: URLSearchParams } {
  const [, setTick] = useState(0);
  useEffect(() => {
    const changed = () => setTick((n) => n + 1);
    listeners.add(changed);
    window.addEventListener('popstate', changed);
    return () => {
      listeners.delete(changed);
      window.removeEventListener('popstate', changed);
    };
  }, []);
  return { path: window.location.pathname.replace(/\/+$/, '') || '/', query: new URLSearchParams(window.location.search) };
}

/** A link: in place for the light pages, a page load for the others; a modified click opens a tab as usual. */
export function Link({ to, ...rest }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const click = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={click} {...rest} />;
}
