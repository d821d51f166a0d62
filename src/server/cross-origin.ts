/**
 * Which web pages of other origins may call the API from a browser (CORS), and the header that
 * keeps a page of any origin from posting a form or an upload to it unseen (CSRF).
 */
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { GraphQLError } from 'graphql';
import type { CORSOptions, Plugin } from 'graphql-yoga';

/**
 * The header a keyless POST that a browser sends without asking first (a multipart upload, a form,
 * plain text) must carry. Any value will do: a page can only set it through a request the browser
 * checks against CORS first.
 */
export const CSRF_HEADER = 'x-graphql-yoga-csrf';

/**
 * Yoga's `cors` option: the origins listed answer with CORS headers, every other origin (and a
 * request without an Origin header, as from curl) gets none, so a browser keeps the answer from
 * any page outside the list. Pages served by the API itself (GraphiQL) are same-origin and need
 * no entry.
 */
export function corsPolicy(allowedOrigins: readonly string[]): (request: Request) => CORSOptions {
  return (request) => {
    const origin = request.headers.get('origin');
    if (!origin || !allowedOrigins.includes(origin)) return false;
    return { origin: [origin], methods: ['GET', 'POST'], credentials: false, maxAge: 600 };
  };
}

/**
 * Yoga's CSRF prevention for the POSTs a browser may send without a preflight (multipart, form, plain
 * text): they must carry CSRF_HEADER or an Authorization header, or they are refused (403) before
 * their body is read. A page cannot add either header without the browser checking it against CORS
 * first, so every API client, which sends its key, passes as it is. GETs cannot change anything
 * (mutations are refused over GET) and stay as they are, as do JSON POSTs, which a browser always
 * checks first. Each answer varies with the Origin header, since only the listed origins get CORS
 * headers.
 */
export function useCrossOriginProtection(): Plugin {
  const csrf = useCSRFPrevention({ requestHeaders: [CSRF_HEADER, 'authorization'] });
  return {
    onRequestParse(payload) {
      if (payload.request.method === 'GET') return;
      try {
        csrf.onRequestParse!(payload);
      } catch {
        const type = payload.request.headers.get('content-type')?.split(';')[0]?.trim() || 'no content-type';
        throw new GraphQLError(`A POST with ${type} must carry the header "${CSRF_HEADER}" (any value)`, {
          extensions: { code: 'CSRF_HEADER_MISSING', http: { status: 403 } },
        });
      }
    },
    onResponse({ response }) {
      response.headers.append('vary', 'Origin');
    },
  };
}
