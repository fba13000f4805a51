import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ACTIONS, TRANSITIONS } from './state.js';

const i18nDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/src/app/i18n');
/** Events a work order's timeline holds besides the table's steps: filing, photos, the scheduler's overdue, an outside system's note. */
const OTHER_EVENTS = ['file', 'add_photos', 'overdue', 'supervise', 'comment'];

// The timeline (web/src/modules/timeline/format.ts) shows `action.<event>`, falling back to the raw name.
describe('the timeline labels every work-order event', () => {
  it.each([['zh-CN', 'zhCN'], ['en', 'en']])('in %s', async (file, name) => {
    const dictionary = (await import(/* @vite-ignore */ path.join(i18nDir, `${file}.ts`)))[name] as { action: Record<string, string> };
    const events = [...new Set([...ACTIONS.map((a) => TRANSITIONS[a].event), ...OTHER_EVENTS])];
    expect(events.filter((e) => !dictionary.action[e]?.trim())).toEqual([]);
  });
});
