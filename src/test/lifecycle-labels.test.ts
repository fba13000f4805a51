import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import '../platform.js';
import { installedModules } from '../core/registry.js';
import { lifecycleLabels } from '../core/lifecycle/abilities.js';
import { toEvent } from '../modules/audit/describe.js';
import { WORK_ORDER_LABELS, WORK_ORDER_STEPS } from '../../contracts/work-order-steps.js';

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

  // The order page's buttons read WORK_ORDER_LABELS.steps (StepButtons); the timeline reads the label the event view gives,
  // and the audit page's filter the catalogue's `action.<event>`: one name for each step in all three.
  it('names each work-order step the same on its button, on the timeline and in the audit filter (zh)', async () => {
    const dictionary = (await import(/* @vite-ignore */ path.join(webModules, 'work-orders/i18n.ts'))).zh as { action: Record<string, string> };
    const differing: string[] = [];
    for (const [action, step] of Object.entries(WORK_ORDER_STEPS)) {
      const button = WORK_ORDER_LABELS.steps[action as keyof typeof WORK_ORDER_STEPS].zh;
      for (const from of step.from) {
        const shown = toEvent({ id: 1, at: '2026-12-01T00:00:00Z', actor_id: 'u', actor_name: '张三', entity_type: 'work_order', entity_id: 'x', action: step.event,
          from_state: JSON.stringify({ state: from }), to_state: JSON.stringify({ state: step.to ?? from }), reason: null, place_id: 'p' });
        if (shown.label?.zh !== button) differing.push(`${action} from ${from}: button ${button}, timeline ${shown.label?.zh}`);
      }
      if (dictionary.action[step.event] !== button) differing.push(`${action}: button ${button}, audit filter ${dictionary.action[step.event]}`);
    }
    expect(differing).toEqual([]);
  });
});
