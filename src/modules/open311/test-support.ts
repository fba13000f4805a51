import type { TestApp } from '../../test/harness.js';
import { placeByName } from '../../test/harness.js';
import { demandTarget } from '../work-orders/test-support.js';

/** The demo key lives with the API keys; the 12345 and Open311 tests take it from here too. */
export { demoKey } from '../api-keys/test-support.js';

/** 北江社区, a compound in its first grid (grid1's), and a community of another street (outside the demo key). */
export async function places(t: TestApp) {
  const db = t.ctx.handle.db;
  const community = await placeByName(t, '北江社区');
  const { compound } = await demandTarget(t);
  const street = await placeByName(t, '西南街道');
  const outside = await db.selectFrom('places').selectAll().where('level', '=', 'community').where('path', 'not like', `${street.path}%`).orderBy('id').executeTakeFirstOrThrow();
  return { community, compound, outside };
}

export const form = (fields: Record<string, string>) => ({
  payload: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

export interface XmlNode {
  name: string;
  children: XmlNode[];
  text: string;
}

/**
 * A strict reader for the element-only XML GeoReport uses: a declaration, then nested elements without attributes.
 * Throws on anything else, such as unescaped markup or mismatched tags.
 */
export function parseXml(xml: string): XmlNode {
  if (!xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n')) throw new Error('no XML declaration');
  const body = xml.slice(xml.indexOf('\n') + 1);
  const root: XmlNode = { name: '#document', children: [], text: '' };
  const stack = [root];
  const token = /<(\/?)([a-z_]+)>|([^<]+)|(<)/gy;
  let m: RegExpExecArray | null;
  let at = 0;
  while ((m = token.exec(body))) {
    at = token.lastIndex;
    const top = stack.at(-1)!;
    if (m[4]) throw new Error(`stray < at ${m.index}`);
    if (m[3] !== undefined) {
      if (/&(?!(amp|lt|gt|quot|apos);)/.test(m[3])) throw new Error(`unescaped & in ${m[3]}`);
      top.text += m[3].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
    } else if (m[1]) {
      if (top.name !== m[2]) throw new Error(`</${m[2]}> closes <${top.name}>`);
      stack.pop();
    } else {
      const node = { name: m[2]!, children: [], text: '' };
      top.children.push(node);
      stack.push(node);
    }
  }
  if (body.slice(at).trim()) throw new Error(`unreadable XML at ${at}`);
  if (stack.length !== 1 || root.children.length !== 1) throw new Error('not one root element');
  return root.children[0]!;
}

/** As a Perl client's XML::Simple sees it: leaves are text, repeated elements are lists. */
export function plain(node: XmlNode): unknown {
  if (node.children.length === 0) return node.text;
  const out: Record<string, unknown> = {};
  for (const c of node.children) {
    const v = plain(c);
    out[c.name] = c.name in out ? [...([] as unknown[]).concat(out[c.name]), v] : v;
  }
  return out;
}

/** The list under a root such as <services>: its item elements in order. */
export const items = (xml: string) => parseXml(xml).children.map(plain) as Record<string, unknown>[];

/** How many work orders there are: a refused request writes none. */
export const countOrders = async (t: TestApp) =>
  Number((await t.ctx.handle.db.selectFrom('work_orders').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
