import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The arrows between the layers of src/ run one way: server → schema → import → services → files
 * (the file store, upload streams, the CSV writer) and the configuration → domain, with db (and the
 * generated Prisma client) below all of them. A file may import from its own layer or a lower one,
 * never a higher one, and no chain of imports may come back to where it started. The entry points
 * (main, worker-main, cli) sit above them all.
 */
const SRC = path.resolve(import.meta.dirname, '../../src');
const LAYERS: [prefix: string, rank: number][] = [
  ['main.ts', 7],
  ['worker-main.ts', 7],
  ['run-until-signal.ts', 7],
  ['cli/', 7],
  ['server/', 6],
  ['schema/', 5],
  ['import/', 4],
  ['services/', 3],
  ['files/', 2],
  ['config.ts', 2],
  ['domain/', 1],
  ['db/', 0],
  ['generated/', 0],
];
/** What the domain may import besides itself: it holds the product's rules, and nothing of GraphQL, HTTP or the database. */
const DOMAIN_PACKAGES = new Set(['libphonenumber-js', 'libphonenumber-js/max', 'libphonenumber-js/max/metadata', 'node:crypto']);

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The modules a file imports or re-exports (type-only imports included: they are arrows too). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export)\s[^;]*?\sfrom\s+'([^']+)'|^import\s+'([^']+)'|import\('([^']+)'\)/gms)].map(
    (match) => match[1] ?? match[2] ?? match[3]!,
  );
}

function layerOf(file: string): { name: string; rank: number } {
  const relative = path.relative(SRC, file).split(path.sep).join('/');
  const layer = LAYERS.find(([prefix]) => relative === prefix || relative.startsWith(prefix));
  if (!layer) throw new Error(`${relative} is in no layer: add its folder to LAYERS`);
  return { name: layer[0], rank: layer[1] };
}

const files = sourceFiles(SRC);
const graph = new Map(
  files.map((file) => [
    file,
    importsOf(file).map((specifier) => (specifier.startsWith('.') ? path.resolve(path.dirname(file), specifier) : specifier)),
  ]),
);
const name = (file: string) => path.relative(SRC, file);

/** Strongly connected components of more than one file (or a file importing itself), by Tarjan's algorithm. */
function cycles(): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (stack.includes(next)) {
        low.set(file, Math.min(low.get(file)!, index.get(next)!));
      }
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        component.push(name(member));
      } while (member !== file);
      if (component.length > 1 || graph.get(file)!.includes(file)) found.push(component.sort());
    }
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return found;
}

describe('the arrows between the layers of src/', () => {
  it('every source file is in a layer, and its relative imports name files that exist', () => {
    const missing = [...graph].flatMap(([file, targets]) =>
      targets
        .filter(
          (target) => path.isAbsolute(target) && target.includes(`${path.sep}src${path.sep}`) && !target.includes('generated') && !graph.has(target),
        )
        .map((target) => `${name(file)} → ${target}`),
    );
    expect(missing).toEqual([]);
    for (const file of files) expect(layerOf(file).rank).toBeGreaterThanOrEqual(0);
  });

  it('no file imports from a higher layer', () => {
    const upward = [...graph].flatMap(([file, targets]) =>
      targets
        .filter((target) => path.isAbsolute(target) && layerOf(target).rank > layerOf(file).rank)
        .map((target) => `${name(file)} → ${name(target)}`),
    );
    expect(upward).toEqual([]);
  });

  it('the domain imports nothing but itself and its few packages', () => {
    const foreign = [...graph].flatMap(([file, targets]) =>
      layerOf(file).name !== 'domain/'
        ? []
        : targets
            .filter((target) => (path.isAbsolute(target) ? layerOf(target).name !== 'domain/' : !DOMAIN_PACKAGES.has(target)))
            .map((target) => `${name(file)} → ${path.isAbsolute(target) ? name(target) : target}`),
    );
    expect(foreign).toEqual([]);
  });

  it('no chain of imports comes back to where it started', () => {
    expect(cycles()).toEqual([]);
  });
});
