import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, placeByName, type Client, type TestApp } from '../../test/harness.js';
import { addWorkingDays, loadCalendar } from '../work-calendar/index.js';
import { step } from '../work-orders/test-support.js';

/**
 * Urgency (紧急程度) shortens an order's resolve time by its category's rule (issue #13): the district admin sets the
 * working days an urgent and a critical demand of a category gets; a category without a rule keeps the default share
 * (a half, a quarter). The rule is an edit of the category (evented); an edit of another field leaves it as it was.
 */
describe('a category’s urgency rule', () => {
  let t: TestApp;
  let admin: Client;
  let community: Client;
  beforeAll(async () => {
    t = await createTestApp();
    [admin, community] = await Promise.all([t.as('admin'), t.as('beijiang')]);
  });
  afterAll(() => t.close());

  const db = () => t.ctx.handle.db;
  const category = (code: string) => db().selectFrom('categories').selectAll().where('code', '=', code).executeTakeFirstOrThrow();

  async function file(categoryId: string, urgency?: 'urgent' | 'critical') {
    const grid = await placeByName(t, '北江社区第1网格');
    const res = await community({ method: 'POST', url: '/api/work-orders', payload: {
      channel: 'walk_in', demandType: 'complaint', categoryId, placeId: grid.id, title: '噪音投诉', description: '夜间施工噪音', ...(urgency ? { urgency } : {}),
    } });
    expect(res.statusCode, res.body).toBe(201);
    return db().selectFrom('work_orders').selectAll().where('id', '=', res.json().id).executeTakeFirstOrThrow();
  }
  const dueAfter = async (receivedAt: string, days: number) => addWorkingDays(new Date(receivedAt), days, await loadCalendar(db())).toISOString();

  it('is set and cleared by the district admin, checked, evented, and kept by an edit of another field', async () => {
    const noise = await category('noise');
    expect(noise).toMatchObject({ urgent_days: null, critical_days: null, complex: 0 });
    const wrong = await admin({ method: 'PATCH', url: `/api/categories/${noise.id}`, payload: { version: noise.version, urgentDays: 2, criticalDays: 3 } });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ field: 'criticalDays', message: { zh: '特急时限不能长于紧急时限' } });
    expect((await admin({ method: 'PATCH', url: `/api/categories/${noise.id}`, payload: { version: noise.version, urgentDays: 0 } })).statusCode).toBe(400);
    expect((await community({ method: 'PATCH', url: `/api/categories/${noise.id}`, payload: { version: noise.version, urgentDays: 2 } })).statusCode).toBe(404);
    expect((await category('noise')).version).toBe(noise.version);

    const set = await admin({ method: 'PATCH', url: `/api/categories/${noise.id}`, payload: { version: noise.version, urgentDays: 3, criticalDays: 1, complex: true } });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ urgentDays: 3, criticalDays: 1, complex: true });
    const renamed = await admin({ method: 'PATCH', url: `/api/categories/${noise.id}`, payload: { version: set.json().version, name: '噪音扰民(含施工)' } });
    expect(renamed.json()).toMatchObject({ name: '噪音扰民(含施工)', urgentDays: 3, criticalDays: 1, complex: true, priority: 'normal' });
    const events = await db().selectFrom('events').select(['action', 'to_state']).where('entity_type', '=', 'category').where('entity_id', '=', noise.id).orderBy('id').execute();
    expect(events.map((e) => e.action)).toEqual(['create', 'update', 'update']);
    expect(JSON.parse(events[1]!.to_state!)).toMatchObject({ urgentDays: 3, criticalDays: 1 });

    const back = await admin({ method: 'PATCH', url: `/api/categories/${noise.id}`, payload: { version: renamed.json().version, urgentDays: null, criticalDays: null, complex: false } });
    expect(back.json()).toMatchObject({ urgentDays: null, criticalDays: null, complex: false });
  });

  it('sets the resolve time of an urgent or critical order, filed so or graded at acceptance; without a rule the default share', async () => {
    const noise = await category('noise');
    // No rule: a complaint has 7 working days, an urgent one half of them (4), a critical one a quarter (2).
    const plain = await file(noise.id, 'urgent');
    expect(plain.resolve_due).toBe(await dueAfter(plain.received_at, 4));
    const rule = await admin({ method: 'PATCH', url: `/api/categories/${noise.id}`, payload: { version: noise.version, urgentDays: 2, criticalDays: 1 } });
    expect(rule.statusCode, rule.body).toBe(200);

    const urgent = await file(noise.id, 'urgent');
    expect(urgent.resolve_due).toBe(await dueAfter(urgent.received_at, 2));
    const normal = await file(noise.id);
    expect(normal.resolve_due).toBe(await dueAfter(normal.received_at, 7));
    const graded = await step(community, normal.id, 'accept', { urgency: 'critical' });
    expect(graded.statusCode, graded.body).toBe(200);
    const after = await db().selectFrom('work_orders').selectAll().where('id', '=', normal.id).executeTakeFirstOrThrow();
    expect(after).toMatchObject({ urgency: 2, resolve_due: await dueAfter(normal.received_at, 1) });

    // A rule longer than the normal time never lengthens it.
    const elevator = await category('elevator');
    expect(elevator).toMatchObject({ urgent_days: 1, critical_days: 1 });
    const long = await admin({ method: 'PATCH', url: `/api/categories/${elevator.id}`, payload: { version: elevator.version, urgentDays: 30, criticalDays: 20 } });
    expect(long.statusCode, long.body).toBe(200);
    const o = await file(elevator.id, 'urgent');
    expect(o.resolve_due).toBe(await dueAfter(o.received_at, 7));
  });
});
