import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../platform.js';
import { installedModules } from '../core/registry.js';
import { toEvent } from '../modules/audit/describe.js';
import { createTestApp, type Client, type TestApp } from './harness.js';
import { fileOne, step } from '../modules/work-orders/test-support.js';

const lifecycles = installedModules().flatMap((m) => m.lifecycles ?? []);
const webModules = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/src/modules');
const event = (entityType: string, action: string, from: string, to: string) => ({
  id: 1, at: '2026-12-01T00:00:00Z', actor_id: null, actor_name: 'system', entity_type: entityType, entity_id: 'x', action,
  from_state: JSON.stringify({ state: from }), to_state: JSON.stringify({ state: to }), reason: null, place_id: 'p',
});

/** The web's catalogues merged as the app merges them (modules/index.ts), in one language. */
async function webCatalogue(lang: 'zh' | 'en'): Promise<Record<string, Record<string, unknown>>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const m of ['timeline', 'work-orders', 'places', 'residents', 'accounts', 'announcements', 'audit']) {
    const dictionary = (await import(/* @vite-ignore */ path.join(webModules, m, 'i18n.ts')))[lang] as Record<string, Record<string, unknown>>;
    for (const [section, entries] of Object.entries(dictionary)) out[section] = { ...out[section], ...entries };
  }
  return out;
}

describe('every event of every state table reads with labels', () => {
  // The engine lists each table's events; each, from each state it leaves, must come out of the event view named.
  it.each(lifecycles.map((def) => [def.entityType, def] as const))('%s', (_name, def) => {
    const missing: string[] = [];
    for (const step of Object.values(def.steps)) {
      for (const from of step.from) {
        const to = step.to ?? from;
        const shown = toEvent(event(def.entityType, step.event, from, to));
        if (!shown.label?.zh || !shown.label.en) missing.push(`${step.event}: label`);
        if (!shown.fromState?.zh || !shown.fromState.en) missing.push(`${step.event}: state ${from}`);
        if (!shown.toState?.zh || !shown.toState.en) missing.push(`${step.event}: state ${to}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('every field an order’s events carry has a label in the web app, and every enumerated value too', () => {
  let t: TestApp;
  let office: Client;
  beforeAll(async () => {
    t = await createTestApp();
    office = await t.as('beijiang');
  });
  afterAll(() => t.close());

  it.each([['zh'], ['en']] as const)('%s', async (lang) => {
    const db = t.ctx.handle.db;
    const [grid1, street, unit] = [await t.as('grid1'), await t.as('xinan'), await t.as('chengguan')];
    const gridId = (await db.selectFrom('users').select('id').where('username', '=', 'grid1').executeTakeFirstOrThrow()).id;
    const unitId = (await db.selectFrom('users').select('unit_id').where('username', '=', 'chengguan').executeTakeFirstOrThrow()).unit_id!;
    const order = await fileOne(grid1, t);
    const steps: [Client, string, Record<string, unknown>][] = [
      [office, 'accept', {}], [office, 'dispatch', { assignee: { kind: 'user', id: gridId }, note: '请处理' }], [office, 'recall', { reason: '派错了' }],
      [office, 'dispatch', { assignee: { kind: 'unit', id: unitId } }], [office, 'redispatch', { assignee: { kind: 'user', id: gridId } }],
      [grid1, 'take', {}], [grid1, 'contact', { note: '已联系' }], [grid1, 'request-extension', { days: 2, reason: '等配件' }],
    ];
    for (const [c, s, body] of steps) expect((await step(c, order.id, s, body)).statusCode, s).toBe(200);
    const requestId = (await office({ url: `/api/work-orders/${order.id}` })).json().extensions[0].id;
    for (const [c, s, body] of [
      [office, 'decide-extension', { requestId, approve: true }], [street, 'supervise', { reason: '加快' }], [street, 'call-in', { unitIds: [unitId], reason: '协同' }],
      [unit, 'report-in', { note: '已到场' }], [grid1, 'resolve', { result: '已修好' }], [office, 'follow-up', { note: '已回访' }],
      [office, 'rate', { rating: 'not_satisfied', comment: '没修好' }],
    ] as [Client, string, Record<string, unknown>][]) expect((await step(c, order.id, s, body)).statusCode, s).toBe(200);
    const events = (await office({ url: `/api/timeline/work_order/${order.id}` })).json().items as { action: string; from: Record<string, unknown> | null; to: Record<string, unknown> | null }[];
    const web = await webCatalogue(lang);
    const enums: Record<string, string> = { channel: 'channel', demandType: 'demandType', rating: 'rating' };
    const missing: string[] = [];
    for (const e of events) {
      for (const [k, v] of Object.entries({ ...e.from, ...e.to })) {
        if (!(web.field as Record<string, string>)[k]) missing.push(`${e.action}: field ${k}`);
        if (enums[k] && typeof v === 'string' && !(web[enums[k]!] as Record<string, string>)?.[v]) missing.push(`${e.action}: ${k} ${v}`);
      }
      if (!(web.reasonLabel as Record<string, string>)[e.action] && !(web.timeline as Record<string, string>).reason) missing.push(`${e.action}: reason`);
    }
    expect(missing).toEqual([]);
  }, 60_000);
});
