import { GraphQLError, type ExecutionResult } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { WebSocket } from 'ws';
import type { Caller } from '../services/api-keys.ts';
import { CLOSES } from './close-reasons.ts';

/**
 * What live traffic (WebSocket connections, subscriptions over WebSocket and SSE) one API process
 * holds at once. The counts are per process: behind a load balancer each process applies them.
 */
export interface LiveLimits {
  /** Open WebSocket connections; one more is closed with 1013 (try again later). */
  maxConnections: number;
  /** Open WebSocket connections of one API key; one more is closed with 4429. */
  maxConnectionsPerKey: number;
  /** Open subscriptions on one WebSocket connection. */
  maxSubscriptionsPerSocket: number;
  /** Open subscriptions of one API key, over WebSocket and SSE together. */
  maxSubscriptionsPerKey: number;
  /** The largest WebSocket message read; a larger one closes the connection (1009). */
  maxMessageBytes: number;
  /** How long a new WebSocket may take to send its connection_init (then 4408). */
  connectionInitWaitMs: number;
}

export const DEFAULT_LIVE_LIMITS: Readonly<LiveLimits> = {
  maxConnections: 10_000,
  maxConnectionsPerKey: 100,
  // A client watches a few imports at a time; a hundred leaves room for dashboards.
  maxSubscriptionsPerSocket: 100,
  maxSubscriptionsPerKey: 500,
  // GraphQL documents and variables are small; uploads go over HTTP.
  maxMessageBytes: 2 ** 20,
  connectionInitWaitMs: 3_000,
};

/** How long a revocation is remembered for keys authenticated just before it but registered just after. */
const REVOCATION_MEMORY_MS = 60_000;

/** What the limits plugin reads from an operation's context. */
interface LiveContext {
  caller?: Caller | null;
  /** The WebSocket connection the operation came on; absent over HTTP (SSE). */
  liveSocket?: WebSocket;
}

/**
 * The live connections and subscriptions of one API process, by API key: it refuses what is over
 * the limits and ends everything of a key when the key is revoked.
 */
export class LiveConnections {
  readonly limits: LiveLimits;
  private readonly socketsByKey = new Map<string, Set<WebSocket>>();
  private readonly subscriptionsByKey = new Map<string, Set<TrackedSubscription>>();
  private readonly subscriptionsBySocket = new Map<WebSocket, Set<TrackedSubscription>>();
  private readonly recentlyRevoked = new Map<string, number>();

  constructor(limits: Partial<LiveLimits> = {}) {
    this.limits = { ...DEFAULT_LIVE_LIMITS, ...limits };
  }

  /** Closes a new WebSocket at once when the process holds its limit of them already (`open` counts it). */
  admitSocket(socket: WebSocket, open: number): void {
    if (open > this.limits.maxConnections) {
      const { code, reason } = CLOSES.serverFull(this.limits.maxConnections);
      socket.close(code, reason);
    }
  }

  /**
   * Counts an authenticated WebSocket against its key; false (and the socket closed with the reason)
   * when the key holds its limit of connections or was revoked meanwhile.
   */
  registerSocket(socket: WebSocket, keyId: string): boolean {
    // A socket that closed while its key was checked is not counted: its 'close' has been and gone.
    if (socket.readyState !== socket.OPEN) return false;
    if (this.wasRevoked(keyId)) {
      socket.close(CLOSES.keyRevoked.code, CLOSES.keyRevoked.reason);
      return false;
    }
    if ((this.socketsByKey.get(keyId)?.size ?? 0) >= this.limits.maxConnectionsPerKey) {
      const { code, reason } = CLOSES.tooManyForKey(this.limits.maxConnectionsPerKey);
      socket.close(code, reason);
      return false;
    }
    addTo(this.socketsByKey, keyId, socket);
    socket.once('close', () => removeFrom(this.socketsByKey, keyId, socket));
    return true;
  }

  /**
   * Ends what a revoked key holds: its WebSocket connections close with 4403, and its SSE
   * subscriptions send an UNAUTHENTICATED error and complete.
   */
  revoke(keyId: string): void {
    const now = Date.now();
    for (const [id, at] of this.recentlyRevoked) if (now - at > REVOCATION_MEMORY_MS) this.recentlyRevoked.delete(id);
    this.recentlyRevoked.set(keyId, now);
    for (const socket of this.socketsByKey.get(keyId) ?? []) socket.close(CLOSES.keyRevoked.code, CLOSES.keyRevoked.reason);
    // A socket's own subscriptions end silently: its client hears the close code instead.
    for (const subscription of [...(this.subscriptionsByKey.get(keyId) ?? [])]) subscription.end(subscription.socket ? undefined : revokedError());
  }

  /** The keys that hold connections or subscriptions now, to check again when revocations may have been missed. */
  heldKeyIds(): string[] {
    return [...new Set([...this.socketsByKey.keys(), ...this.subscriptionsByKey.keys()])];
  }

  /** The subscriptions open now, over WebSocket and SSE. */
  openSubscriptions(): number {
    let open = 0;
    for (const subscriptions of this.subscriptionsByKey.values()) open += subscriptions.size;
    return open;
  }

  /** The Yoga plugin that counts subscriptions and refuses one over the limits (TOO_MANY_SUBSCRIPTIONS). */
  plugin(): Plugin<LiveContext> {
    return {
      onSubscribe: ({ args, subscribeFn, setSubscribeFn }) => {
        const { caller, liveSocket } = args.contextValue;
        // Without a key the operation fails its auth check; nothing to count.
        if (!caller) return;
        setSubscribeFn(async (subscribeArgs) => {
          const refusal = this.refusal(caller.keyId, liveSocket);
          if (refusal) return { errors: [refusal] } satisfies ExecutionResult;
          const subscription = new TrackedSubscription(caller.keyId, liveSocket, (ended) => this.forget(ended));
          this.remember(subscription);
          try {
            const result = await subscribeFn(subscribeArgs);
            if (!isAsyncIterable(result)) {
              subscription.end();
              return result;
            }
            return subscription.follow(result as AsyncIterable<ExecutionResult>);
          } catch (error) {
            subscription.end();
            throw error;
          }
        });
      },
    };
  }

  private refusal(keyId: string, socket: WebSocket | undefined): GraphQLError | undefined {
    const { maxSubscriptionsPerSocket, maxSubscriptionsPerKey } = this.limits;
    // Revoked after this request's key was checked, before its subscription could be counted.
    if (this.wasRevoked(keyId)) return revokedError();
    if (socket && (this.subscriptionsBySocket.get(socket)?.size ?? 0) >= maxSubscriptionsPerSocket) {
      return tooMany(
        `This WebSocket connection already has ${maxSubscriptionsPerSocket} open subscriptions, the most allowed: end one before starting another`,
        'socket',
        maxSubscriptionsPerSocket,
      );
    }
    if ((this.subscriptionsByKey.get(keyId)?.size ?? 0) >= maxSubscriptionsPerKey) {
      return tooMany(
        `This API key already has ${maxSubscriptionsPerKey} open subscriptions, the most allowed: end one before starting another`,
        'key',
        maxSubscriptionsPerKey,
      );
    }
    return undefined;
  }

  private remember(subscription: TrackedSubscription): void {
    addTo(this.subscriptionsByKey, subscription.keyId, subscription);
    if (subscription.socket) addTo(this.subscriptionsBySocket, subscription.socket, subscription);
  }

  private forget(subscription: TrackedSubscription): void {
    removeFrom(this.subscriptionsByKey, subscription.keyId, subscription);
    if (subscription.socket) removeFrom(this.subscriptionsBySocket, subscription.socket, subscription);
  }

  private wasRevoked(keyId: string): boolean {
    const at = this.recentlyRevoked.get(keyId);
    return at !== undefined && Date.now() - at <= REVOCATION_MEMORY_MS;
  }
}

function revokedError(): GraphQLError {
  return new GraphQLError('The API key has been revoked: this subscription has ended', { extensions: { code: 'UNAUTHENTICATED' } });
}

function tooMany(message: string, per: 'socket' | 'key', limit: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', per, limit } });
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key) ?? new Set<V>();
  set.add(value);
  map.set(key, set);
}

function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}

/**
 * One open subscription: it passes its stream's results through until the stream ends, the client
 * leaves (`return()`), or `end` is called, and is counted until then. `end(error)` sends the error as
 * a last result; a pending `next()` answers at once either way.
 */
class TrackedSubscription implements AsyncIterableIterator<ExecutionResult> {
  private source: AsyncIterator<ExecutionResult> | undefined;
  private finished = false;
  private lastResult: ExecutionResult | undefined;
  private interrupt: (() => void) | undefined;

  constructor(
    readonly keyId: string,
    readonly socket: WebSocket | undefined,
    private readonly onEnd: (subscription: TrackedSubscription) => void,
  ) {}

  follow(stream: AsyncIterable<ExecutionResult>): this {
    this.source = stream[Symbol.asyncIterator]();
    if (this.finished) returnQuietly(this.source);
    return this;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<ExecutionResult>> {
    if (this.finished || !this.source) return this.afterEnd();
    const interrupted = new Promise<'interrupted'>((resolve) => (this.interrupt = () => resolve('interrupted')));
    try {
      const step = await Promise.race([this.source.next(), interrupted]);
      if (step === 'interrupted') return this.afterEnd();
      if (step.done) this.end();
      return step;
    } catch (error) {
      this.end();
      throw error;
    } finally {
      this.interrupt = undefined;
    }
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    this.end();
    return { value: undefined, done: true };
  }

  /** Stops the subscription now: its stream is returned and it no longer counts. */
  end(error?: GraphQLError): void {
    if (this.finished) return;
    this.finished = true;
    if (error) this.lastResult = { errors: [error] };
    this.onEnd(this);
    if (this.source) returnQuietly(this.source);
    this.interrupt?.();
  }

  private afterEnd(): IteratorResult<ExecutionResult> {
    const last = this.lastResult;
    this.lastResult = undefined;
    return last ? { value: last, done: false } : { value: undefined, done: true };
  }
}

/** Stops a stream whose end nobody waits for: its own failure to stop has no one to report to. */
function returnQuietly(iterator: AsyncIterator<unknown>): void {
  iterator.return?.().catch(() => {});
}
