import type { Actor } from '../../core/access/actor.js';
import type { AppContext } from '../../core/context.js';
import { msg } from '../../core/i18n.js';
import type { TMemberSuggestion } from '../../../contracts/three-lists.js';
import { assignableMembersUnder, heldPosts } from '../party/index.js';
import { threeListsMsg } from './messages.js';
import { commonDepth, communityPath, needForOffice } from './needs.js';

/** How near a member lives to the need, by the deepest place both paths share (a household's path ends in its building). */
const NEAR = [
  { depth: 6, score: 40, reason: threeListsMsg.memberSameBuilding },
  { depth: 5, score: 30, reason: threeListsMsg.memberSameCompound },
  { depth: 4, score: 20, reason: threeListsMsg.memberSameGrid },
  { depth: 3, score: 10, reason: threeListsMsg.memberSameCommunity },
] as const;

/**
 * The party members a need may be dispatched to (active, with a linked sign-in, in the need's community, as the caller
 * sees them), ranked for it beside the resources: where they live (same building 40 > compound 30 > grid 20 > community
 * 10), a post they hold over the need's place (+15), the needs they already hold unfinished (−5 each, at most −20) and
 * the ratings of those they delivered ((average − 3) × 2.5). Each carries its reasons in that order. Offices over the need
 * only (403 inside, 404 outside).
 */
export async function suggestMembers(ctx: AppContext, actor: Actor, id: string): Promise<{ items: TMemberSuggestion[] }> {
  const need = await needForOffice(ctx, actor, id);
  const db = ctx.handle.db;
  const members = await assignableMembersUnder(db, actor, communityPath(need.placePath));
  if (!members.length) return { items: [] };
  const ids = members.map((m) => m.id);
  const [posts, load] = await Promise.all([
    heldPosts(db, ids),
    db.selectFrom('needs').select(['member_id', 'state', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.avg<number>('rating').as('avg')])
      .where('member_id', 'in', ids).where('state', 'in', ['dispatched', 'taken', 'rated']).groupBy(['member_id', 'state']).execute(),
  ]);
  const items = members.map((m): TMemberSuggestion => {
    const reasons: { zh: string; en: string }[] = [];
    let score = 0;
    const depth = commonDepth(need.placePath, m.placePath);
    const near = NEAR.find((n) => depth >= n.depth);
    if (near) { score += near.score; reasons.push(msg(near.reason)); }
    const post = posts.find((p) => p.memberId === m.id && need.placePath.startsWith(p.placePath));
    if (post) { score += 15; reasons.push(msg(threeListsMsg.memberHoldsPost, { post: post.title })); }
    const mine = load.filter((l) => l.member_id === m.id);
    const open = mine.filter((l) => l.state !== 'rated').reduce((sum, l) => sum + Number(l.n), 0);
    if (open > 0) { score -= Math.min(20, 5 * open); reasons.push(msg(threeListsMsg.memberHolds, { n: open })); }
    else reasons.push(msg(threeListsMsg.memberFree));
    const rated = mine.find((l) => l.state === 'rated');
    const avg = rated ? Number(rated.avg) : null;
    if (rated && avg !== null) {
      score += Math.round((avg - 3) * 2.5);
      reasons.push(msg(threeListsMsg.rated, { n: Number(rated.n), avg: avg.toFixed(1) }));
    } else reasons.push(msg(threeListsMsg.unrated));
    return { id: m.id, name: m.name, orgName: m.orgName, unitName: m.unitName, openNeeds: open, rating: avg === null ? null : Math.round(avg * 10) / 10, score, reasons };
  });
  items.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id));
  return { items };
}
