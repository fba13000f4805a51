import type { Policy } from './access/policy.js';
import type { ExpiringRows, Job, LedgerEntry, ModuleManifest, PathCopy, PlaceCount, ReadModel, RecordNames } from './module.js';

/**
 * The installed modules, set once at start from `modules/index.ts` (app.ts, tests, CLI). Core reads what modules
 * declared from here, instead of modules registering themselves by import side effect.
 */
let installed: readonly ModuleManifest[] = [];

export function installModules(manifests: readonly ModuleManifest[]): void {
  const names = manifests.map((m) => m.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new Error(`module ${dup} is listed twice`);
  installed = manifests;
}

export const installedModules = (): readonly ModuleManifest[] => installed;
export const pathCopies = (): PathCopy[] => installed.flatMap((m) => m.pathCopies ?? []);
export const readModels = (): ReadModel[] => installed.flatMap((m) => m.readModels ?? []);
export const expiringRows = (): ExpiringRows[] => installed.flatMap((m) => m.expiring ?? []);
export const jobs = (): Job[] => installed.flatMap((m) => m.jobs ?? []);
export const placeCounts = (): PlaceCount[] => installed.flatMap((m) => m.placeCounts ?? []);
export const recordNames = (): RecordNames[] => installed.flatMap((m) => m.recordNames ?? []);
export const policies = (): Policy<any>[] => installed.flatMap((m) => m.policies ?? []);
export const ledgers = (): (LedgerEntry & { module: string })[] => installed.flatMap((m) => (m.ledgers ?? []).map((l) => ({ ...l, module: m.name })));
