import { Spin } from 'antd';
import { lazy, Suspense, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';

/**
 * A named export loaded on first render (React.lazy wants a default export). Pages, modals and drawers that the first
 * screen does not show load this way, so the place tree's first render runs less code.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lazyNamed<M extends Record<K, ComponentType<any>>, K extends keyof M>(load: () => Promise<M>, name: K): LazyExoticComponent<M[K]> {
  return lazy(async () => ({ default: (await load())[name] }));
}

/** Where a lazy page shows while its code loads (around the routes, and around the shell's outlet). */
export const PageLoading = ({ children }: { children: ReactNode }) => (
  <Suspense fallback={<Spin style={{ display: 'block', marginTop: 80 }} />}>{children}</Suspense>
);
