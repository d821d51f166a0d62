/** One event of a server-sent event stream: its `event:` name (if any) and its `data:` line. */
export interface SseEvent {
  event: string | undefined;
  data: string | undefined;
}

/**
 * The events of a text/event-stream body as they arrive (events end with a blank line). Used by the
 * tests and the benches that follow a subscription over SSE.
 */
export async function* sseEvents(body: ReadableStream<Uint8Array> | null): AsyncGenerator<SseEvent> {
  if (!body) return;
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    const events = buffer.split('\n\n');
    buffer = events.pop() ?? '';
    for (const event of events) yield { event: /^event: (.*)$/m.exec(event)?.[1], data: /^data: (.*)$/m.exec(event)?.[1] };
  }
}
