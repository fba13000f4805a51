import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseOptions, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CONFIG = path.join(REPO_ROOT, '.dependency-cruiser.cjs');

/** One broken boundary: the rule, the importing file (or module) and what it reached. */
export interface TBreach {
  rule: string;
  from: string;
  to: string;
  /** For a cycle, the import behind each step. */
  detail?: string;
}

/** The module a file belongs to (`src/modules/<name>/…`), or undefined outside the modules. */
export const moduleOf = (file: string): string | undefined => /^src\/modules\/([^/]+)\//.exec(file)?.[1];
const isTestCode = (file: string) => /(\.test\.ts|\/test-support\.ts|\/scope-cases\.ts)$/.test(file);

/**
 * Cruises `dirs` (relative to `baseDir`, the repository by default) with the rules of .dependency-cruiser.cjs and
 * returns every forbidden import, plus every cycle between modules.
 */
export async function cruiseBoundaries(dirs: string[], baseDir = REPO_ROOT): Promise<{ result: ICruiseResult; breaches: TBreach[] }> {
  const options: ICruiseOptions = { ...(await extractDepcruiseOptions(CONFIG)), baseDir, outputType: 'json' };
  // The repository's tsconfig serves the repository; a fixture elsewhere needs none (relative imports only).
  const own = baseDir === REPO_ROOT;
  if (!own) delete options.tsConfig;
  else options.tsConfig = { fileName: path.join(REPO_ROOT, 'tsconfig.json') };
  const tsConfig = own ? extractTSConfig(path.join(REPO_ROOT, 'tsconfig.json')) : undefined;
  const { output } = await cruise(dirs, options, undefined, { tsConfig });
  const result = (typeof output === 'string' ? JSON.parse(output) : output) as ICruiseResult;
  const breaches = result.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
  return { result, breaches: [...breaches, ...moduleCycles(moduleGraph(result))] };
}

/** Module → modules it imports (tests and test support left out: they are not the module's code), with one example import each. */
export function moduleGraph(result: ICruiseResult): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const m of result.modules) {
    const from = moduleOf(m.source);
    if (!from || isTestCode(m.source)) continue;
    for (const d of m.dependencies) {
      const to = moduleOf(d.resolved);
      if (!to || to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      if (!edges.has(to)) edges.set(to, `${m.source} → ${d.resolved}`);
      graph.set(from, edges);
    }
  }
  return graph;
}

/** Each group of modules that reach each other (a strongly connected component), as one breach naming one cycle in it. */
export function moduleCycles(graph: Map<string, Map<string, string>>): TBreach[] {
  return stronglyConnected(graph).filter((c) => c.length > 1).map((component) => {
    const cycle = cycleThrough(graph, component);
    const steps = cycle.slice(1).map((to, i) => `    ${cycle[i]} → ${to}: ${graph.get(cycle[i]!)!.get(to)}`);
    return { rule: 'no-circular-modules', from: cycle[0]!, to: cycle.slice(1).join(' → '), detail: steps.join('\n') };
  });
}

/** Tarjan's algorithm: the modules in groups that all reach one another. */
function stronglyConnected(graph: Map<string, Map<string, string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do component.push((w = stack.pop()!)); while (w !== v);
    out.push(component.sort());
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return out;
}

/** A shortest cycle from the component's first module back to itself (breadth first, inside the component). */
function cycleThrough(graph: Map<string, Map<string, string>>, component: string[]): string[] {
  const start = component[0]!;
  const inside = new Set(component);
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const between: string[] = [];
        for (let u = v; u !== start; u = previous.get(u)!) between.unshift(u);
        return [start, ...between, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}

/** One line per breach, for the failure message. */
export const describeBreaches = (breaches: TBreach[]) =>
  breaches.map((b) => `  ${b.rule}: ${b.from} → ${b.to}${b.detail ? `\n${b.detail}` : ''}`).join('\n');
