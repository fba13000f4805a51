import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../core/ids.js';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { fileOne, step } from '../work-orders/test-support.js';

interface NotificationPage { unread: number; items: { id: string; entityId: string; readAt: string | null; createdAt: string }[]; nextCursor: string | null }

describe('the notification list pages with a cursor', () => {
  let t: TestApp;
  let grid2: Client;
  let grid1: Client;
  let grid2Id: string;
  /** Every notification of grid2, newest first, as the list must return them. */
  let expected: string[];

  beforeAll(async () => {
    t = await createTestApp();
    [grid1, grid2] = await Promise.all([t.as('grid1'), t.as('grid2')]);
    const db = t.ctx.handle.db;
    grid2Id = (await db.selectFrom('users').select('id').where('username', '=', 'grid2').executeTakeFirstOrThrow()).id;
    // 45 notifications, five to a timestamp (as one transaction's notify writes them), every third already read.
    const base = Date.parse('2026-11-02T08:00:00.000Z');
    const rows = Array.from({ length: 45 }, (_, i) => ({
      id: newId(), user_id: grid2Id, kind: 'dispatched', entity_type: 'work_order', entity_id: 'someorder', text_zh: `第${i}条`, text_en: `No. ${i}`,
      read_at: i % 3 === 0 ? '2026-11-03T00:00:00.000Z' : null, created_at: new Date(base + Math.floor(i / 5) * 60_000).toISOString(),
    }));
    await db.insertInto('notifications').values(rows).execute();
    expected = [...rows].sort((a, b) => (a.created_at === b.created_at ? (a.id < b.id ? 1 : -1) : a.created_at < b.created_at ? 1 : -1)).map((r) => r.id);
  });
  afterAll(() => t.close());

  const page = async (client: Client, query: string) => {
    const res = await client({ url: `/api/notifications?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as NotificationPage;
  };

  it('walks every notification once, newest first, across timestamps shared between pages', async () => {
    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    do {
      const p: NotificationPage = await page(grid2, `limit=20${cursor ? `&before=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...p.items.map((n) => n.id));
      sizes.push(p.items.length);
      expect(p.unread).toBe(30);
      cursor = p.nextCursor;
    } while (cursor);
    expect(sizes).toEqual([20, 20, 5]);
    expect(seen).toEqual(expected);
  });

  it('keeps the next page where it was when a new notification arrives in between', async () => {
    const first = await page(grid2, 'limit=10');
    expect(first.items.map((n) => n.id)).toEqual(expected.slice(0, 10));
    const db = t.ctx.handle.db;
    const late = { id: newId(), user_id: grid2Id, kind: 'dispatched', entity_type: 'work_order', entity_id: 'someorder', text_zh: '新', text_en: 'new', read_at: null, created_at: new Date().toISOString() };
    await db.insertInto('notifications').values(late).execute();
    try {
      const second = await page(grid2, `limit=10&before=${encodeURIComponent(first.nextCursor!)}`);
      expect(second.items.map((n) => n.id)).toEqual(expected.slice(10, 20));
      expect((await page(grid2, 'limit=10')).items[0]!.id).toBe(late.id);
    } finally {
      // Notifications are history (never deleted): the late one is grid2's newest from here on.
      expected.unshift(late.id);
    }
  });

  it('pages the unread ones alone', async () => {
    const all = await t.ctx.handle.db.selectFrom('notifications').select(['id', 'read_at']).where('user_id', '=', grid2Id).execute();
    const unreadIds = new Set(all.filter((n) => !n.read_at).map((n) => n.id));
    const first = await page(grid2, 'unread=true&limit=25');
    const rest = await page(grid2, `unread=true&limit=25&before=${encodeURIComponent(first.nextCursor!)}`);
    expect(rest.nextCursor).toBeNull();
    expect([...first.items, ...rest.items].map((n) => n.id)).toEqual(expected.filter((id) => unreadIds.has(id)));
    expect([...first.items, ...rest.items].every((n) => n.readAt === null)).toBe(true);
  });

  it('answers a last page without a cursor, and 400 to a malformed one', async () => {
    expect((await page(grid2, 'limit=100')).nextCursor).toBeNull();
    const bad = await grid2({ url: '/api/notifications?before=yesterday' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'before', message: { zh: '翻页参数格式不正确', en: 'Malformed page cursor' } });
  });

  it('never shows another user’s notifications, whatever the cursor', async () => {
    const grid1Id = (await t.ctx.handle.db.selectFrom('users').select('id').where('username', '=', 'grid1').executeTakeFirstOrThrow()).id;
    const community = await t.as('beijiang');
    const order = await fileOne(grid1, t);
    await step(community, order.id, 'accept');
    await step(community, order.id, 'dispatch', { assignee: { kind: 'user', id: grid1Id } });
    const mine = await page(grid1, `limit=100&before=${encodeURIComponent('2999-01-01T00:00:00.000Z_zzzz')}`);
    expect(mine.items.map((n) => n.entityId)).toContain(order.id);
    expect(mine.items.filter((n) => expected.includes(n.id))).toEqual([]);
    expect(mine.nextCursor).toBeNull();
  });
});
