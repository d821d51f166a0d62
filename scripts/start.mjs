/**
 * `npm start`, `npm run worker` and `npm run cli` run the compiled JavaScript in dist/ through this
 * launcher: `node scripts/start.mjs <entry in dist/> [args…]` first builds dist/ when it is missing
 * or older than anything it is compiled from, then runs the entry point in this same process (so
 * signals, output and the exit code are the entry point's own). `node scripts/start.mjs --build`
 * (`npm run build`) builds unconditionally. The server's entry (main.js) also rebuilds the import
 * page, web/dist/, when a file of web/ is newer than it; `--build-web` (after `npm install`) builds
 * the page alone, unconditionally.
 *
 * Plain JavaScript, since it runs before anything is compiled. Everything it prints goes to stderr:
 * the CLI's stdout stays one line of JSON even when a build comes first.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'dist');
/** Written last by a build: the time (ms) it started. An input changed after that makes dist/ stale. */
const STAMP = path.join(DIST, '.build-started');
/** Created exclusively, holding the builder's pid, while one process builds; the others wait for it. */
const LOCK = path.join(ROOT, 'dist.lock');
/** Where a build compiles to, and where the dist/ it replaces goes until it is removed. */
const NEXT = path.join(ROOT, 'dist.next');
const OLD = path.join(ROOT, 'dist.old');
const POLL_MS = 250;
/** The import page: Vite bundles web/ into web/dist/ (web/vite.config.ts writes its stamp too), beside which it builds, then swaps in. */
const WEB = path.join(ROOT, 'web');
const WEB_DIST = path.join(WEB, 'dist');
const WEB_STAMP = path.join(WEB_DIST, '.build-started');
const WEB_NEXT = path.join(WEB, 'dist.next');
const WEB_OLD = path.join(WEB, 'dist.old');

/** The latest modification time among `files` and everything below those that are folders. */
function newestTime(files) {
  let newest = 0;
  const visit = (file) => {
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat) return;
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) for (const name of readdirSync(file)) visit(path.join(file, name));
  };
  for (const file of files) visit(file);
  return newest;
}

/** What dist/ is compiled from: src/ (a deleted file changes its folder's time), the Prisma schema, the tsconfigs, the lockfile. */
function newestInputTime() {
  const tsconfigs = readdirSync(ROOT).filter((name) => /^tsconfig.*\.json$/.test(name));
  return newestTime([
    path.join(ROOT, 'src'),
    path.join(ROOT, 'prisma', 'schema.prisma'),
    path.join(ROOT, 'package-lock.json'),
    ...tsconfigs.map((name) => path.join(ROOT, name)),
  ]);
}

function isFresh() {
  if (!existsSync(STAMP)) return false;
  return newestInputTime() <= Number(readFileSync(STAMP, 'utf8'));
}

/** What web/dist/ is built from: what web/ holds besides its builds (not web/ itself, whose time a swap changes), and the lockfile. */
function newestWebInputTime() {
  const sources = readdirSync(WEB).filter((name) => !name.startsWith('dist'));
  return newestTime([...sources.map((name) => path.join(WEB, name)), path.join(ROOT, 'package-lock.json')]);
}

/** A tree without web/ (a copy of the server alone) has no page to build. */
function isWebFresh() {
  if (!existsSync(path.join(WEB, 'index.html'))) return true;
  if (!existsSync(WEB_STAMP)) return false;
  return newestWebInputTime() <= Number(readFileSync(WEB_STAMP, 'utf8'));
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Takes the build lock, or returns the pid of the live process holding it (a dead holder's lock is removed). */
function tryLock() {
  try {
    const fd = openSync(LOCK, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return undefined;
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
  }
  let holder;
  try {
    // An empty file is a lock being taken right now.
    holder = Number(readFileSync(LOCK, 'utf8'));
  } catch {
    // Released meanwhile.
    return tryLock();
  }
  if (holder && !isAlive(holder)) {
    rmSync(LOCK, { force: true });
    return tryLock();
  }
  return holder || -1;
}

/** Compiles src/ into an emptied dist/; says why not when it cannot. */
function build() {
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    // TypeScript is a dev dependency: an install without it runs the dist/ it was shipped with.
    if (existsSync(STAMP)) {
      console.error('dist/ is older than src/, and TypeScript is not installed to rebuild it: running it as it is.');
      return undefined;
    }
    return 'dist/ is not built, and TypeScript is not installed to build it: run `npm run build` where it is (npm install without --omit=dev).';
  }
  const started = Date.now();
  console.error('Building dist/ from src/ (tsc -p tsconfig.build.json)…');
  // Compiled beside it, then swapped in: processes starting meanwhile still find a whole dist/.
  rmSync(NEXT, { recursive: true, force: true });
  const compile = [tsc, '-p', path.join(ROOT, 'tsconfig.build.json'), '--outDir', NEXT];
  const result = spawnSync(process.execPath, compile, { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) {
    rmSync(NEXT, { recursive: true, force: true });
    return "The build failed (tsc's errors are above); dist/ was left as it was.";
  }
  writeFileSync(path.join(NEXT, path.basename(STAMP)), String(started));
  rmSync(OLD, { recursive: true, force: true });
  if (existsSync(DIST)) renameSync(DIST, OLD);
  renameSync(NEXT, DIST);
  rmSync(OLD, { recursive: true, force: true });
  console.error(`Built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return undefined;
}

/**
 * Bundles web/ into an emptied web/dist/; says why not when it cannot. Vite is a dev dependency: an
 * install without it keeps the web/dist/ it has (without one, /import answers 503 saying so).
 */
function buildWeb() {
  let vite;
  try {
    vite = path.join(path.dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  } catch {
    console.error(
      `web/dist/ is ${existsSync(WEB_STAMP) ? 'older than web/' : 'not built'}, and Vite is not installed to build it: the import page stays as it is.`,
    );
    return undefined;
  }
  const started = Date.now();
  console.error('Building web/dist/ from web/ (vite build)…');
  rmSync(WEB_NEXT, { recursive: true, force: true });
  const bundle = [vite, 'build', '--config', path.join(WEB, 'vite.config.ts'), '--outDir', WEB_NEXT, '--logLevel', 'warn'];
  const result = spawnSync(process.execPath, bundle, { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) {
    rmSync(WEB_NEXT, { recursive: true, force: true });
    return "The import page's build failed (Vite's errors are above); web/dist/ was left as it was.";
  }
  rmSync(WEB_OLD, { recursive: true, force: true });
  if (existsSync(WEB_DIST)) renameSync(WEB_DIST, WEB_OLD);
  renameSync(WEB_NEXT, WEB_DIST);
  rmSync(WEB_OLD, { recursive: true, force: true });
  console.error(`Built web/dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return undefined;
}

/**
 * Builds dist/ unless it is fresh (or `force`), and with `web` the import page unless it is fresh
 * (or `force`), one process at a time. Only a failed dist/ build stops the start: without the page
 * the API still serves.
 */
async function ensureBuilt({ force = false, dist = true, web = false }) {
  const fresh = () => (!dist || isFresh()) && (!web || isWebFresh());
  let waitingFor;
  for (;;) {
    if (!force && fresh()) return;
    const holder = tryLock();
    if (holder === undefined) break;
    if (holder !== waitingFor && holder > 0) console.error(`Waiting for process ${holder}, which is building dist/…`);
    waitingFor = holder;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    // Whatever that process built counts as this build too.
    force = false;
  }
  let failure;
  try {
    if (dist && (force || !isFresh())) failure = build();
    if (web && !failure && (force || !isWebFresh())) {
      const webFailure = buildWeb();
      if (webFailure && !dist) failure = webFailure;
      else if (webFailure) console.error(`${webFailure} The server starts without it.`);
    }
  } finally {
    rmSync(LOCK, { force: true });
  }
  if (failure) fail(failure);
}

const [entry, ...args] = process.argv.slice(2);
if (!entry) fail('usage: node scripts/start.mjs --build | --build-web | <entry in dist/, e.g. main.js> [args…]');
if (entry === '--build-web') await ensureBuilt({ force: true, dist: false, web: true });
else await ensureBuilt({ force: entry === '--build', web: entry === 'main.js' });
if (entry !== '--build' && entry !== '--build-web') {
  const file = path.join(DIST, entry);
  if (!existsSync(file)) fail(`dist/${entry} does not exist: the entry points are main.js, worker-main.js and cli/main.js.`);
  // Stack traces name the TypeScript files and lines (tsc writes a source map beside every file).
  process.setSourceMapsEnabled(true);
  // The entry point reads its arguments from process.argv.slice(2), as if started directly.
  process.argv.splice(1, process.argv.length - 1, file, ...args);
  await import(pathToFileURL(file).href);
}
