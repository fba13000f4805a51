import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toCategory } from '../modules/demand-categories/queries.js';

type Tree = { [key: string]: string | Tree };
const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/src');
/** The web's files are loaded by path: the server's compiler does not check the web app (web/tsconfig.json does). */
const load = (file: string) => import(/* @vite-ignore */ path.join(web, file)) as Promise<Record<string, unknown>>;
const moduleDirs = fs.readdirSync(path.join(web, 'modules')).filter((d) => fs.existsSync(path.join(web, 'modules', d, 'i18n.ts'))).sort();

/** The web app's catalogue in one language, merged as app/i18n/catalogues.ts merges it (which throws in the browser on a key given twice). */
async function merged(lang: 'zh' | 'en'): Promise<Tree> {
  const mergeCatalogue = (await load('app/i18n/merge.ts')).mergeCatalogue as (into: Tree, part: Tree) => Tree;
  const shell = lang === 'zh' ? (await load('app/i18n/zh-CN.ts')).zhCN : (await load('app/i18n/en.ts')).en;
  let all = mergeCatalogue({}, shell as Tree);
  for (const dir of moduleDirs) all = mergeCatalogue(all, (await load(`modules/${dir}/i18n.ts`))[lang] as Tree);
  return all;
}

describe('the web catalogues', () => {
  it.each([['zh'], ['en']] as const)('%s: no module gives a text another module (or the shell) gives', async (lang) => {
    expect(moduleDirs.length).toBeGreaterThan(10);
    await expect(merged(lang)).resolves.toBeTruthy();
  });

  it.each([['zh'], ['en']] as const)('%s: every field of a demand category’s events has a label', async (lang) => {
    const fields = (await merged(lang)).field as Tree;
    const category = toCategory({ id: 'c', place_id: 'p', place_path: '/p/', code: 'x', name: 'x', group_name: 'x', description: null, default_unit_id: null,
      priority: 'normal', complex: 0, urgent_days: null, critical_days: null, active: 1, version: 1, created_at: '', updated_at: '' });
    const missing = Object.keys(category).filter((k) => !['id', 'placeId', 'version'].includes(k) && typeof fields[k] !== 'string');
    expect(missing).toEqual([]);
  });
});

/** A catalogue entry by its dotted key (`workOrder.pageTitle`). */
const entry = (tree: Tree, key: string) => key.split('.').reduce<string | Tree | undefined>((t, k) => (typeof t === 'object' ? t[k] : undefined), tree);

describe('every page has its own window title', () => {
  it.each([['zh'], ['en']] as const)('%s: each route of each web module is named, and no two pages share a name', async (lang) => {
    const { webModules } = (await load('modules/index.ts')) as { webModules: { name: string; menu?: { key: string; labelKey: string }[]; routes: { path: string; titleKey?: string }[] }[] };
    const { titleKeyOf } = (await load('app/PageTitle.tsx')) as { titleKeyOf: (m: unknown, r: unknown) => string | undefined };
    const all = await merged(lang);
    const titles = webModules.flatMap((m) => m.routes.map((r) => ({ path: r.path, key: titleKeyOf(m, r) })));
    expect(titles.length).toBeGreaterThan(20);
    expect(titles.filter((p) => !p.key || typeof entry(all, p.key) !== 'string').map((p) => `${p.path}: ${p.key}`)).toEqual([]);
    const byTitle = new Map<string, string[]>();
    for (const p of titles) byTitle.set(entry(all, p.key!) as string, [...(byTitle.get(entry(all, p.key!) as string) ?? []), p.path]);
    expect([...byTitle].filter(([, paths]) => paths.length > 1).map(([title, paths]) => `${title}: ${paths.join(' ')}`)).toEqual([]);
  });
});
