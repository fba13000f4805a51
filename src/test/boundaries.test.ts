import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cruiseBoundaries, describeBreaches, moduleCycles, type TBreach } from './boundaries.js';

/**
 * The module kit's boundaries (.dependency-cruiser.cjs): core knows no module, the web no server code, contracts
 * are leaves, a module reaches another only through its index.ts, migrations stand alone, and modules form no cycle.
 */
describe('boundaries', () => {
  it('the code breaks none of them', async () => {
    const { result, breaches } = await cruiseBoundaries(['src', 'web/src', 'contracts']);
    // A cruise that found nothing would pass vacuously.
    const sources = result.modules.map((m) => m.source);
    for (const dir of ['src/core/', 'src/modules/', 'src/migrations/', 'web/src/', 'contracts/']) {
      expect(sources.some((s) => s.startsWith(dir)), `nothing cruised under ${dir}`).toBe(true);
    }
    expect(breaches.length, `${breaches.length} boundary breaches:\n${describeBreaches(breaches)}\n`).toBe(0);
  }, 120_000);
});

describe('boundaries: the rules can fail', () => {
  let dir: string;
  const files: Record<string, string> = {
    'src/platform.ts': `export const installed = true;\n`,
    'src/core/kit.ts': `import { a } from '../modules/a/internal.js';\nimport { installed } from '../platform.js';\nexport const kit = [a, installed];\n`,
    'src/modules/a/index.ts': `export { a } from './internal.js';\nexport { gone } from './missing.js';\n`,
    'src/modules/a/internal.ts': `import { b } from '../b/internal.js';\nexport const a = b + 1;\n`,
    'src/modules/a/test-support.ts': `export const help = 1;\n`,
    'src/modules/b/index.ts': `export { b } from './internal.js';\n`,
    'src/modules/b/internal.ts': `import { a } from '../a/index.js';\nexport const b = 2;\nexport const c = () => a;\n`,
    'src/modules/b/b.test.ts': `import { help } from '../a/test-support.js';\nimport { a } from '../a/index.js';\nexport const t = [help, a];\n`,
    'src/modules/b/test-support.ts': `import { a } from '../a/internal.js';\nexport const t = a;\n`,
    // Scope cases are test code: they may use another module's test support; a manifest loads them only with import().
    'src/modules/a/scope-cases.ts': `import { t } from '../b/test-support.js';\nexport const scopeSuite = { cases: [t] };\n`,
    'src/modules/a/manifest.ts': `export const m = { scopeCases: () => import('./scope-cases.js').then((s) => s.scopeSuite) };\n`,
    'src/modules/b/manifest.ts': `import { scopeSuite } from '../a/scope-cases.js';\nexport const m = { scopeSuite };\n`,
    'src/migrations/001-first.ts': `import { b } from '../modules/b/index.js';\nexport const up = () => b;\n`,
    'web/src/page.ts': `import { a } from '../../src/modules/a/index.js';\nimport { LEVELS } from '../../contracts/places.js';\nexport const p = [a, LEVELS];\n`,
    'contracts/places.ts': `import { z } from 'zod';\nimport { b } from '../src/modules/b/index.js';\nexport const LEVELS = [z, b];\n`,
    // A stand-in zod package, so that contracts → zod resolves inside the fixture.
    'node_modules/zod/package.json': `{ "name": "zod", "type": "module", "main": "index.js" }\n`,
    'node_modules/zod/index.js': `export const z = {};\n`,
  };
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onegrid-boundaries-'));
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  it('reports each forbidden import in a fixture tree, and nothing that is allowed', async () => {
    const { breaches } = await cruiseBoundaries(['src', 'web/src', 'contracts'], dir);
    const got = breaches.map((b) => `${b.rule}: ${b.from} → ${b.to}`).sort();
    expect(got).toEqual([
      'contracts-are-leaves: contracts/places.ts → src/modules/b/index.ts',
      'core-not-to-modules: src/core/kit.ts → src/modules/a/internal.ts',
      'core-not-to-modules: src/core/kit.ts → src/platform.ts',
      'migrations-not-to-modules: src/migrations/001-first.ts → src/modules/b/index.ts',
      'module-via-index: src/modules/a/internal.ts → src/modules/b/internal.ts',
      'module-via-index: src/modules/b/manifest.ts → src/modules/a/scope-cases.ts',
      'module-via-index: src/modules/b/test-support.ts → src/modules/a/internal.ts',
      'no-circular-modules: a → b → a',
      'resolvable: src/modules/a/index.ts → ./missing.js',
      'scope-cases-lazily: src/modules/b/manifest.ts → src/modules/a/scope-cases.ts',
      'web-not-to-server: web/src/page.ts → src/modules/a/index.ts',
    ]);
  }, 60_000);

  it('finds every cycle between modules in a module graph, reporting an import for each step', () => {
    const edges = (pairs: string[]) => {
      const graph = new Map<string, Map<string, string>>();
      for (const p of pairs) {
        const [from, to] = p.split('>') as [string, string];
        graph.set(from, (graph.get(from) ?? new Map()).set(to, `src/modules/${from}/x.ts → src/modules/${to}/index.ts`));
      }
      return graph;
    };
    const show = (bs: TBreach[]) => bs.map((b) => `${b.from} → ${b.to}`);
    expect(show(moduleCycles(edges(['a>b', 'b>c', 'c>d'])))).toEqual([]);
    expect(show(moduleCycles(edges(['a>b', 'b>c', 'c>a', 'c>d', 'd>e', 'e>d', 'x>a'])))).toEqual(['d → e → d', 'a → b → c → a']);
    const [one] = moduleCycles(edges(['places>accounts', 'accounts>places']));
    expect(one!.detail).toContain('accounts → places: src/modules/accounts/x.ts → src/modules/places/index.ts');
  });
});
