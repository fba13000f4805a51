import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { selfAndAncestorPaths } from '../src/core/access/scope.js';
import { subtreeUpperBound } from '../src/core/db.js';
import { openDatabases, prepareDatabase } from '../src/startup.js';

/**
 * One server per child process on the QR bench's demo file (argv[3]): `bare` is node:http + better-sqlite3 answering
 * `/compounds/:key` with the page's two statements written by hand and prepared once; `app` is the real Fastify app.
 */
const mode = process.argv[2];
const dataDir = process.argv[3]!;

type Row = Record<string, any>;

function startBare(): http.Server {
  const sqlite = new SQLite(path.join(dataDir, 'onegrid.sqlite'), { readonly: true });
  const page = sqlite.prepare(`select k.subject_type, k.subject_id, p.id, p.name, p.path, s.name as building_name, g.level as g_level, g.name as g_name,
      g.path as g_path, c.name as c_name, c.path as c_path, c.level as c_level
    from party_public_keys k join places p on p.id = k.place_id left join places s on s.id = k.subject_id and k.subject_type = 'building'
    left join places g on g.id = p.parent_id left join places c on c.id = g.parent_id
    where k.key = ? and k.subject_type in ('compound', 'building') and p.level = 'compound'`);
  const q8 = Array(8).fill('?').join(', ');
  const detail = sqlite.prepare(`
    select 'branch' as section, o.name as a, o.committee as b, null as c, null as d, null as e, null as k1, null as k2, null as f
      from party_orgs o where o.place_id = ? and o.kind = 'compound_branch' and o.state = 'active'
    union all
    select 'head', m.name, p.title, p.duties, b.name, pk.key, b.path, m.id,
      (select a.id from attachments a where a.entity_type = 'party_member' and a.entity_id = m.id and a.stage = 'photo' order by a.created_at desc, a.id desc limit 1)
      from party_posts p join party_claims k on k.post_id = p.id join party_members m on m.id = k.member_id join places b on b.id = p.place_id
      left join party_public_keys pk on pk.subject_type = 'member' and pk.subject_id = m.id
      where p.place_path >= ? and p.place_path < ? and p.kind = 'building_head' and k.state = 'holding' and m.state = 'active'
    union all
    select 'central', m.name, null, null, b.name, null, b.path, m.id, null
      from party_members m join places h on h.id = m.household_id join places b on b.id = h.parent_id
      where m.place_path >= ? and m.place_path < ? and m.central_household = 1 and m.state = 'active'
    union all
    select 'unit', u.name, null, null, null, null, u.name, u.id, null
      from units u where u.kind = 'partner_unit' and (u.place_path in (${q8}) or (u.place_path >= ? and u.place_path < ?))
    union all
    select 'site', s.name, s.services, s.hours, s.address, s.kind, s.place_path, s.name, null
      from service_sites s where s.state = 'open' and (s.place_path in (${q8}) or (s.place_path >= ? and s.place_path < ?))
    union all
    select * from (select 'notice' as section, n.title as a, n.body as b, n.published_at as c, null as d, null as e, n.published_at as k1, n.id as k2, null as f
      from announcements n where n.state = 'published' and n.place_path in (${q8}) order by n.published_at desc, n.id desc limit 10) notices`);
  const pad = (paths: string[], fill: string) => [...paths, ...Array<string>(Math.max(0, 8 - paths.length)).fill(fill)].slice(0, 8);
  const byKeys = (x: Row, y: Row) => (x.k1 < y.k1 ? -1 : x.k1 > y.k1 ? 1 : x.a < y.a ? -1 : x.a > y.a ? 1 : 0);
  return http.createServer((req, res) => {
    const match = /^\/compounds\/([a-z2-9]{16})$/.exec(req.url ?? '');
    const p = match ? (page.get(match[1]) as Row | undefined) : undefined;
    if (!p) {
      res.writeHead(404, { 'content-type': 'application/json; charset=utf-8' }).end('{"code":"not_found"}');
      return;
    }
    const community = p.g_level === 'community' ? { name: p.g_name, path: p.g_path } : p.c_level === 'community' ? { name: p.c_name, path: p.c_path } : null;
    const upper = subtreeUpperBound(p.path);
    const ancestors = selfAndAncestorPaths(p.path);
    const inCommunity = community ? ancestors.filter((a) => a.startsWith(community.path)) : [p.path];
    const rows = detail.all(p.id, p.path, upper, p.path, upper, ...pad(inCommunity, p.path), p.path, upper, ...pad(ancestors, p.path), p.path, upper, ...pad(ancestors, p.path)) as Row[];
    const of = (section: string) => rows.filter((r) => r.section === section);
    const b = of('branch')[0];
    const secretary = b && (JSON.parse(b.b) as { seat: string; name: string }[]).find((x) => x.seat === 'secretary');
    const body = JSON.stringify({
      compound: { name: p.name, communityName: community?.name ?? null },
      building: p.building_name,
      branch: b ? { name: b.a, secretary: secretary?.name ?? null } : null,
      buildingHeads: of('head').sort(byKeys).map((h) => ({ building: h.d, name: h.a, post: h.b, duties: h.c, photo: h.e && h.f ? `/api/public/cards/${h.e}/photo?v=${h.f}` : null, card: h.e })),
      centralHouseholds: of('central').sort(byKeys).map((c) => ({ name: c.a, building: c.d })),
      partnerUnits: of('unit').sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : 0)).map((u) => ({ name: u.a })),
      serviceSites: of('site').sort((x, y) => y.k1.length - x.k1.length || (x.k2 < y.k2 ? -1 : x.k2 > y.k2 ? 1 : 0))
        .map((x) => ({ kind: x.e, name: x.a, services: x.b, hours: x.c, address: x.d })),
      announcements: of('notice').sort((x, y) => (x.k1 === y.k1 ? (x.k2 < y.k2 ? 1 : -1) : x.k1 < y.k1 ? 1 : -1)).map((n) => ({ title: n.a, publishedAt: n.c, body: n.b })),
      fileDemandHref: `/h5?place=${p.subject_type === 'building' ? p.subject_id : p.id}`,
    });
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=60' }).end(body);
  });
}

async function startApp(): Promise<number> {
  const config = { ...loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' }), databaseUrl: undefined };
  const { ctx } = await prepareDatabase(config, openDatabases(config));
  const app = await buildApp(ctx, { serveWeb: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as AddressInfo).port;
}

function listenBare(): Promise<number> {
  const server = startBare();
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

if (mode !== 'bare' && mode !== 'app') throw new Error('usage: qr-page-server.ts bare|app <data dir>');
process.send?.({ port: mode === 'bare' ? await listenBare() : await startApp() });
process.on('message', (m) => {
  if (m === 'cpu') process.send?.({ cpu: process.cpuUsage() });
});
process.on('disconnect', () => process.exit(0));
