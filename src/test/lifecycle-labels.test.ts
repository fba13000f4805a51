import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import '../platform.js';
import { installedModules } from '../core/registry.js';
import { lifecycleLabels } from '../core/lifecycle/abilities.js';

const lifecycles = installedModules().flatMap((m) => m.lifecycles ?? []);
const webModules = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/src/modules');

describe('every state table labels its steps, states and events in Chinese and English', () => {
  it('has state tables installed', () => expect(lifecycles.map((l) => l.entityType)).toContain('work_order'));

  it.each(lifecycles.map((l) => [`${l.entityType} (${Object.keys(l.steps).join(', ')})`, l] as const))('%s', (_name, def) => {
    const { events, states } = lifecycleLabels(def);
    const missing = [
      ...Object.keys(def.steps).filter((a) => !def.labels.steps[a]?.zh?.trim() || !def.labels.steps[a]?.en?.trim()).map((a) => `step ${a}`),
      ...def.states.filter((s) => !states[s]?.zh?.trim() || !states[s]?.en?.trim()).map((s) => `state ${s}`),
      ...Object.values(def.steps).map((s) => s.event).filter((e) => !events[e]?.zh?.trim() || !events[e]?.en?.trim()).map((e) => `event ${e}`),
    ];
    expect(missing).toEqual([]);
  });

  // The web's timeline (web/src/modules/timeline/format.ts) shows `action.<event>` from the module's catalogue.
  it.each([['zh'], ['en']])('the work-order timeline in the web app (%s)', async (lang) => {
    const dictionary = (await import(/* @vite-ignore */ path.join(webModules, 'work-orders/i18n.ts')))[lang] as { action: Record<string, string> };
    const events = lifecycles.filter((l) => l.entityType === 'work_order').flatMap((def) => Object.keys(lifecycleLabels(def).events));
    expect(events.filter((e) => !dictionary.action[e]?.trim())).toEqual([]);
  });
});
