import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

/**
 * Real child processes of the product (`src/main.ts`, `src/worker-main.ts`, npm scripts) for the
 * tests that need more than one process on one database. Every child is tracked, so a test's
 * afterAll can stop whatever a failure left running.
 */

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const LISTENING = /GraphiQL at (http:\/\/\S+?)\/graphql/;
export const WORKER_RUNNING = /import worker \S+ is running/;

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ProductProcess {
  child: ChildProcess;
  /** stdout and stderr so far, interleaved. */
  output(): string;
  stdout(): string;
  stderr(): string;
  /** Sends `signal` to the process's whole group (its children, e.g. npm's node or PostgreSQL, too). */
  kill(signal: NodeJS.Signals): void;
  /** Resolves with the first match of `pattern` in the output; rejects if the process exits first. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray>;
  exited: Promise<Exit>;
  /** SIGTERM, then the exit (rejects if it takes longer than `timeoutMs`). */
  stop(timeoutMs: number): Promise<Exit>;
}

const running = new Set<ProductProcess>();

/** Starts `command` in the project folder (or `options.cwd`) with `env`, capturing its output. */
export function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv, options: { cwd?: string } = {}): ProductProcess {
  // Its own process group (detached): a signal reaches the whole group, so `npm run x`'s node gets
  // it too (npm does not pass SIGTERM on to its script).
  const child = spawn(command, args, { cwd: options.cwd ?? ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let all = '';
  const streams = { stdout: '', stderr: '' };
  const listeners = new Set<() => void>();
  for (const name of ['stdout', 'stderr'] as const) {
    child[name]!.on('data', (chunk: Buffer) => {
      all += chunk.toString();
      streams[name] += chunk.toString();
      for (const listener of listeners) listener();
    });
  }
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const process: ProductProcess = {
    child,
    output: () => all,
    stdout: () => streams.stdout,
    stderr: () => streams.stderr,
    kill: (signal) => signalGroup(child, signal),
    exited,
    waitFor(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(all);
          if (!match) return;
          done();
          resolve(match);
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no ${pattern} in the output of ${args.join(' ')} within ${timeoutMs} ms:\n${all}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        void exited.then((exit) => {
          if (!listeners.has(check)) return;
          done();
          reject(new Error(`${args.join(' ')} exited (${JSON.stringify(exit)}) before printing ${pattern}:\n${all}`));
        });
        check();
      });
    },
    async stop(timeoutMs) {
      signalGroup(child, 'SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${args.join(' ')} did not exit within ${timeoutMs} ms of SIGTERM:\n${all}`)), timeoutMs);
      });
      try {
        return await Promise.race([exited, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
  running.add(process);
  return process;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    globalThis.process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** `node --import tsx <entry> [args]`, as the npm scripts run it. */
export function startNode(entry: string, env: NodeJS.ProcessEnv, args: string[] = []): ProductProcess {
  return startProcess(globalThis.process.execPath, ['--import', 'tsx', entry, ...args], env);
}

/**
 * Kills the process groups of every process started, including what a stopped `npm run` may have
 * left behind in its group: SIGKILL (a test that failed half-way has nothing left to save), or
 * with `graceMs`, SIGTERM first so that PostgreSQL can stop cleanly, and SIGKILL after that long.
 */
export async function killAll(graceMs = 0): Promise<void> {
  const started = [...running];
  running.clear();
  if (graceMs > 0) {
    for (const child of started) child.kill('SIGTERM');
    await Promise.race([Promise.all(started.map((child) => child.exited)), new Promise((resolve) => setTimeout(resolve, graceMs))]);
  }
  for (const child of started) child.kill('SIGKILL');
  await Promise.all(started.map((child) => child.exited));
}

/** The environment of a product process on `databaseUrl`, its files under `dataDir`, on a free port. */
export function productEnv(databaseUrl: string, dataDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...globalThis.process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0', ...extra };
  // Not vitest's NODE_ENV=test: the processes run as in production.
  delete env.NODE_ENV;
  return env;
}

/** Sends one typed operation over HTTP to a product process; throws on HTTP or GraphQL errors. */
export async function request<TResult, TVariables>(
  baseUrl: string,
  key: string,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data?: TResult; errors?: unknown };
  if (response.status !== 200 || body.errors) throw new Error(`GraphQL request failed (${response.status}): ${JSON.stringify(body.errors)}`);
  return body.data!;
}
