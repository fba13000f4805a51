import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { placeholders, type Entry } from '../core/i18n.js';

const SRC = path.resolve(import.meta.dirname, '..');
const rel = (f: string) => path.relative(SRC, f).split(path.sep).join('/');
const files = (fs.readdirSync(SRC, { recursive: true }) as string[]).map((f) => path.join(SRC, f)).filter((f) => f.endsWith('.ts'));
const catalogues = files.filter((f) => /(^|\/)(core|modules\/[^/]+)\/messages\.ts$/.test(rel(f)));

/** Where Chinese may stand in server code: catalogues, the Excel texts, demo and test data, landed migrations. */
const ALLOWED = [
  /\/messages\.ts$/, /^i18n\//, /^seed\//, /^modules\/[^/]+\/seed\.ts$/, /\.test\.ts$/, /^test\//, /test-support\.ts$/, /^modules\/[^/]+\/scope-cases\.ts$/,
  /^migrations\//, /^modules\/attachments\/metadata\/test-images\.ts$/,
  /^modules\/hotline\/layout\.ts$/, // 12345 columns, sheet name and the demand types as the platforms type them
  /^modules\/rates\/rates-ledger\.ts$/, // the ranking sheet's headers and title rows
  /^modules\/[^/]+\/([\w-]+-)?ledger\.ts$/, // a module's ledger: its Excel headers, sheet name and file name
  /^modules\/[^/]+\/[\w-]+-seed\.ts$/, // demo data of a module's part (points-seed.ts)
  /^modules\/hotline\/(synonyms|values)\.ts$/, // the 12345 platforms' own headers and values, matched as they write them
  /^modules\/party\/roster-layout\.ts$/, // the party-member roster's headers, sheet name and yes/no
  /^modules\/places\/commands\/import-divisions\.ts$/, // the suffixes of official division names (居民委员会)
];

/** Entries whose English says more than the Chinese: the values only the English names. */
const EN_ONLY: Record<string, string[]> = {
  'core.notFound': ['what'],
  'core.noRoute': ['method', 'path'],
  'core.illegalTransition': ['action'],
  'attachment.unexpectedFile': ['field'],
  'core.badRequest': ['error'],
  'place.wrongParent': ['actual'],
  'place.wrongMoveParent': ['level', 'parent'],
  'account.roleWrongLevel': ['levels', 'role'],
};

const CJK = /\p{Script=Han}/u;
/** The code without its comments: a glossary word in a doc comment is no message. */
const codeOf = (file: string) =>
  ts.transpileModule(fs.readFileSync(file, 'utf8'), { compilerOptions: { removeComments: true, target: ts.ScriptTarget.ESNext } }).outputText;

describe('message catalogues', () => {
  it('finds the core catalogue and one per module that has messages', () => {
    expect(catalogues.map(rel)).toContain('core/messages.ts');
    expect(catalogues.length).toBeGreaterThan(10);
  });

  it('every entry has both languages and the same placeholders in each', async () => {
    const wrong: string[] = [];
    for (const file of catalogues) {
      const exports = (await import(file)) as Record<string, Record<string, Entry>>;
      for (const [name, entries] of Object.entries(exports)) {
        for (const [key, e] of Object.entries(entries)) {
          const id = `${name.replace(/Msg$/, '')}.${key}`;
          if (!e.zh?.trim() || !e.en?.trim()) wrong.push(`${id}: a language is missing`);
          else if (!CJK.test(e.zh) && /\p{L}/u.test(e.zh.replace(/\{\w+\}/g, ''))) wrong.push(`${id}: the zh text is not Chinese`);
          const en = placeholders(e.en ?? '').filter((p) => !EN_ONLY[id]?.includes(p));
          if (placeholders(e.zh ?? '').join() !== en.join()) wrong.push(`${id}: placeholders ${placeholders(e.zh ?? '')} ≠ ${en}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('no server code outside the allowed places holds Chinese', () => {
    const offenders = files.filter((f) => !ALLOWED.some((re) => re.test(rel(f))))
      .flatMap((f) => codeOf(f).split('\n').filter((l) => CJK.test(l)).map((l) => `${rel(f)}: ${l.trim()}`));
    expect(offenders).toEqual([]);
  });
});
