import type { DependencyList } from 'react';
import { useLoadWith, type Loaded } from './useLoad-core';
import { useNotify } from './useNotify';

export type { Loaded } from './useLoad-core';

/** Runs `load` whenever deps change; the newest answer wins and failures are shown to the user. */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList, enabled = true): Loaded<T> {
  const { error: notify } = useNotify();
  return useLoadWith(load, deps, enabled, notify);
}
