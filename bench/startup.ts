/**
 * `npm run bench:startup [-- --runs N]` (default 5): how long the server takes from its process
 * starting to /healthz answering, and its resident memory once idle, run two ways: built (what
 * `npm start` runs, `node scripts/start.mjs main.js` on a fresh dist/) and through tsx (what it ran
 * before, `node --import tsx src/main.ts`). Starts alternate between the two, after one warm-up start
 * of each (not counted: it fills tsx's transform cache and the OS's file cache). Every start uses one
 * migrated database on the embedded PostgreSQL (or DATABASE_URL), so what is measured is the
 * server's own process. Both run from a copy of the tree made at the start (and built once before
 * anything is timed), so that edits made meanwhile change nothing. Prints a Markdown table: min /
 * median / max of each, side by side.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cp, readdir, readFile, symlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openBenchDatabase } from './bench-database.ts';
import { MIB, median } from './figures.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const RUNS = Number(values.runs);
/** How long a started server is left alone before its memory is read. */
const IDLE_MS = 3_000;
const START_TIMEOUT_MS = 60_000;
/** What the build reads, and the launcher: copied into the bench's folder (node_modules is linked). */
const PROJECT_FILES = ['src', 'prisma', 'scripts/start.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];

const WAYS = {
  built: ['scripts/start.mjs', 'main.js'],
  tsx: ['--import', 'tsx', 'src/main.ts'],
} as const;
type Way = keyof typeof WAYS;

interface Start {
  /** Seconds from spawning the process to /healthz's first 200. */
  seconds: number;
  /** Resident memory of the server's process and its children, in bytes, after IDLE_MS idle. */
  rss: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** VmRSS of `pid` and of every process below it (Linux /proc), in bytes. */
async function treeRss(pid: number): Promise<number> {
  let status: string;
  try {
    status = await readFile(`/proc/${pid}/status`, 'utf8');
  } catch {
    return 0;
  }
  let total = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1] ?? 0) * 1024;
  for (const task of await readdir(`/proc/${pid}/task`).catch(() => [])) {
    const children = await readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '');
    for (const child of children.split(' ').filter(Boolean)) total += await treeRss(Number(child));
  }
  return total;
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).status === 200;
  } catch {
    return false;
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function startOnce(way: Way, project: string, env: NodeJS.ProcessEnv): Promise<Start> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, WAYS[way], { cwd: project, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  try {
    const health = `http://127.0.0.1:${port}/healthz`;
    // A refused connection comes back at once: polling every few ms adds no more than that to the figure.
    while (!(await answers(health))) {
      if (child.exitCode !== null) throw new Error(`the ${way} server exited (${child.exitCode}) before answering:\n${output}`);
      if (performance.now() - started > START_TIMEOUT_MS)
        throw new Error(`the ${way} server did not answer within ${START_TIMEOUT_MS} ms:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const seconds = (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    return { seconds, rss: await treeRss(child.pid!) };
  } finally {
    await stop(child);
  }
}

const { work, url, close } = await openBenchDatabase('startup');
try {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, DATA_DIR: path.join(work, 'data'), HOST: '127.0.0.1' };
  delete env.NODE_ENV;
  // A snapshot of the tree, so that both ways run the same sources and no edit made meanwhile
  // rebuilds dist/ under a start; it is built before anything is timed, as `npm start` would.
  const project = path.join(work, 'project');
  for (const file of PROJECT_FILES) await cp(path.join(ROOT, file), path.join(project, file), { recursive: true });
  await symlink(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'));
  const build = spawnSync(process.execPath, ['scripts/start.mjs', '--build'], { cwd: project, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');

  const results: Record<Way, Start[]> = { built: [], tsx: [] };
  for (const way of Object.keys(WAYS) as Way[]) await startOnce(way, project, env);
  for (let run = 0; run < RUNS; run++) {
    for (const way of Object.keys(WAYS) as Way[]) {
      const start = await startOnce(way, project, env);
      results[way].push(start);
      console.error(`run ${run + 1}/${RUNS} ${way}: ${start.seconds.toFixed(3)} s, ${(start.rss / MIB).toFixed(1)} MiB`);
    }
  }

  const spread = (numbers: number[], format: (value: number) => string) =>
    `${format(Math.min(...numbers))} / ${format(median(numbers))} / ${format(Math.max(...numbers))}`;
  const secondsOf = (way: Way) => results[way].map((start) => start.seconds);
  const mibOf = (way: Way) => results[way].map((start) => start.rss / MIB);
  const ratio = (built: number[], tsx: number[]) => `${(median(built) / median(tsx)).toFixed(2)}×`;
  console.log(`\nnode ${process.version}, ${RUNS} starts each (min / median / max)\n`);
  console.log('| figure | built (`node scripts/start.mjs main.js`) | tsx (`node --import tsx src/main.ts`) | built / tsx (medians) |');
  console.log('|---|---:|---:|---:|');
  const secondsCell = (value: number) => value.toFixed(3);
  const mibCell = (value: number) => value.toFixed(1);
  console.log(
    `| process start → /healthz 200 (s) | ${spread(secondsOf('built'), secondsCell)} | ${spread(secondsOf('tsx'), secondsCell)} | ${ratio(secondsOf('built'), secondsOf('tsx'))} |`,
  );
  console.log(
    `| RSS ${IDLE_MS / 1000} s after (MiB) | ${spread(mibOf('built'), mibCell)} | ${spread(mibOf('tsx'), mibCell)} | ${ratio(mibOf('built'), mibOf('tsx'))} |`,
  );
} finally {
  await close();
}
