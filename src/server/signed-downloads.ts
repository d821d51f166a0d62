import type { IncomingMessage } from 'node:http';
import type { Database } from '../db/client.ts';
import {
  checkDownloadTarget,
  DEFAULT_DOWNLOAD_LINK_TTL_SECONDS,
  downloadLinkExpiry,
  downloadLinkKey,
  isSignedTarget,
  signDownloadTarget,
  type DownloadLinkRefusal,
} from '../domain/download-link.ts';
import type { DownloadUrl } from '../schema/download-links.ts';
import type { Caller } from '../services/api-keys.ts';

/** Who may download: the caller, or why not (the status and JSON body to answer). */
export type DownloadAuth = { caller: Caller } | { status: 401 | 403; body: { error: string; reason?: string } };

const REFUSALS: Record<DownloadLinkRefusal | 'revoked key', string> = {
  'incomplete link': 'The download link is incomplete: use the whole URL the API returned',
  'bad signature': 'The download link was altered or is not one this server made',
  expired: 'The download link has expired: ask the API for the file again to get a new link',
  'revoked key': 'The download link was made for an API key that has been revoked',
};

/**
 * Signed download links: made for the caller of a GraphQL request, checked when a file route is
 * fetched. The signing key is derived from the webhook sealing key, which every process on one
 * database shares, so a link made by one API process works on every other.
 */
export class SignedDownloads {
  private readonly key: Buffer;

  constructor(
    private readonly db: Database,
    secret: Uint8Array,
    private readonly ttlSeconds = DEFAULT_DOWNLOAD_LINK_TTL_SECONDS,
  ) {
    this.key = downloadLinkKey(secret);
  }

  /** The links of one request: `origin` and the path, signed for the caller (unsigned without one). */
  urlsFor(origin: string, caller: Caller | null): DownloadUrl {
    return (target) => {
      if (!caller) return `${origin}${target}`;
      const grant = { workspaceId: caller.workspaceId, keyId: caller.keyId, expires: downloadLinkExpiry(Date.now(), this.ttlSeconds) };
      return `${origin}${signDownloadTarget(this.key, target, grant)}`;
    };
  }

  /**
   * Who fetches a file route: the bearer key when the request has an Authorization header, else the
   * signed link's key, looked up so that a revoked key's links stop working. Without either: 401.
   */
  async authorize(req: IncomingMessage, bearer: (authorization: string) => Promise<Caller | null>): Promise<DownloadAuth> {
    const authorization = req.headers.authorization;
    if (authorization) {
      try {
        const caller = await bearer(authorization);
        if (caller) return { caller };
      } catch (error) {
        return { status: 401, body: { error: (error as Error).message } };
      }
    }
    const target = req.url ?? '/';
    if (!isSignedTarget(target)) {
      return {
        status: 401,
        body: { error: 'Authentication required: use the signed link the API returned, or send "Authorization: Bearer <API key>"' },
      };
    }
    const check = checkDownloadTarget(this.key, target, Date.now());
    if (!check.ok) return refused(check.reason);
    const { workspaceId, keyId } = check.grant;
    const key = await this.db.prisma.apiKey.findUnique({
      where: { workspaceId_id: { workspaceId, id: keyId } },
      select: { scope: true, revokedAt: true },
    });
    if (!key || key.revokedAt) return refused('revoked key');
    return { caller: { workspaceId, keyId, scope: key.scope } };
  }
}

function refused(reason: DownloadLinkRefusal | 'revoked key'): DownloadAuth {
  return { status: 403, body: { error: REFUSALS[reason], reason } };
}
