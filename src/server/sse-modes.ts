import type { Plugin } from 'graphql-yoga';

/** What a PUT on the GraphQL endpoint is told: the one graphql-sse mode this server speaks. */
export const SINGLE_CONNECTION_REFUSAL =
  "graphql-sse's single connection mode is not supported: create the client with `singleConnection: false` (distinct connections mode, " +
  'the default), which sends each subscription as its own POST with `accept: text/event-stream`';

/**
 * Server-sent events here are graphql-sse's distinct connections mode (Yoga's): each operation is
 * one request whose answer streams its results. The single connection mode starts with a PUT that
 * reserves a stream, and that reservation would live in one process's memory, where the next
 * request, sent through a load balancer to another API process, would not find it. So a PUT is
 * answered 405 with a body that names the mode to use, instead of Yoga's bare "GET and POST only".
 * `graphqlPath` is the endpoint's path.
 */
export function useSseModes(graphqlPath: string): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'PUT' || url.pathname !== graphqlPath) return;
      endResponse(
        new fetchAPI.Response(
          JSON.stringify({ errors: [{ message: SINGLE_CONNECTION_REFUSAL, extensions: { code: 'SSE_SINGLE_CONNECTION_UNSUPPORTED' } }] }),
          {
            status: 405,
            headers: { allow: 'GET, POST', 'content-type': 'application/json; charset=utf-8' },
          },
        ),
      );
    },
  };
}
