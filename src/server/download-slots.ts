import type { ServerResponse } from 'node:http';

/**
 * Downloads streamed from the database (contact exports, audience recipients) each hold a pool
 * connection and an open transaction for as long as their client reads. Slots bound how many run
 * at once, in all and per workspace, so that clients that never read cannot take the connections
 * imports and other workspaces need; a deadline bounds how long any one may run.
 */

/**
 * Downloads streaming at once in this process: fewer than the main pool's ten connections, which
 * the import worker, the sweeper and webhook delivery share (GraphQL requests have a pool of their own).
 */
export const MAX_DOWNLOADS = 6;
/** Downloads one workspace may stream at once. */
export const MAX_DOWNLOADS_PER_WORKSPACE = 2;
/** The longest a download may take, whatever pace its client reads at; it is cut off then. */
export const DOWNLOAD_DEADLINE_MS = 15 * 60_000;

export interface DownloadLimits {
  total: number;
  perWorkspace: number;
  deadlineMs: number;
}

export const DEFAULT_DOWNLOAD_LIMITS: Readonly<DownloadLimits> = {
  total: MAX_DOWNLOADS,
  perWorkspace: MAX_DOWNLOADS_PER_WORKSPACE,
  deadlineMs: DOWNLOAD_DEADLINE_MS,
};

export class DownloadSlots {
  readonly limits: DownloadLimits;
  private streaming = 0;
  private readonly byWorkspace = new Map<string, number>();

  constructor(limits: Partial<DownloadLimits> = {}) {
    this.limits = { ...DEFAULT_DOWNLOAD_LIMITS, ...limits };
  }

  /** Downloads streaming now. */
  get running(): number {
    return this.streaming;
  }

  /**
   * A slot for one download of the workspace, released by the function returned (once, whatever
   * the number of calls); null when all slots, or all of the workspace's, are taken.
   */
  private take(workspaceId: string): (() => void) | null {
    const own = this.byWorkspace.get(workspaceId) ?? 0;
    if (this.streaming >= this.limits.total || own >= this.limits.perWorkspace) return null;
    this.streaming++;
    this.byWorkspace.set(workspaceId, own + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.streaming--;
      const left = (this.byWorkspace.get(workspaceId) ?? 1) - 1;
      if (left === 0) this.byWorkspace.delete(workspaceId);
      else this.byWorkspace.set(workspaceId, left);
    };
  }

  /**
   * Takes a slot for the download `res` answers, freed when `res` closes, and cuts the download at
   * the deadline; false when no slot is free (answer 429 with `refusal()`).
   */
  hold(res: ServerResponse, workspaceId: string): boolean {
    const release = this.take(workspaceId);
    if (!release) return false;
    const deadline = setTimeout(() => res.destroy(), this.limits.deadlineMs);
    res.once('close', () => {
      clearTimeout(deadline);
      release();
    });
    return true;
  }

  /** Why a download was refused, for the 429 answer. */
  refusal(): { error: string; code: 'TOO_MANY_DOWNLOADS' } {
    return {
      error: `At most ${this.limits.perWorkspace} downloads of a workspace (${this.limits.total} in all) stream at once; retry when one has finished`,
      code: 'TOO_MANY_DOWNLOADS',
    };
  }
}
