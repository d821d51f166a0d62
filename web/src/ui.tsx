import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/** Problems of an input by where they are: `columns.2`, `defaultCountry`, `tags.0`, or `''` for the whole. */
export type Issues = Record<string, string[]>;

/** What a mutation answered instead of its result: an `Error` member's message and, for a ValidationError, its issues. */
export interface Failure {
  message: string;
  issues: Issues;
}

/** Reads a result union: the result when it is of `typename`, otherwise a Failure. */
export function outcome<T extends { __typename: string }, N extends T['__typename']>(
  result: T,
  typename: N,
): { ok: Extract<T, { __typename: N }> } | { failure: Failure } {
  if (result.__typename === typename) return { ok: result as Extract<T, { __typename: N }> };
  const error = result as { message?: string; issues?: { path: string[]; message: string }[] };
  const issues: Issues = {};
  for (const issue of error.issues ?? []) {
    // The server names the input field from the argument down; the page keeps what is inside `input`.
    const path = issue.path[0] === 'input' ? issue.path.slice(1) : issue.path;
    const at = path.slice(0, 2).join('.');
    issues[at] = [...(issues[at] ?? []), issue.message];
  }
  return { failure: { message: error.message ?? 'The server refused the request', issues } };
}

/** The messages of the issues at `at` or under it. */
export function issuesAt(issues: Issues | undefined, at: string): string[] {
  if (!issues) return [];
  return Object.entries(issues).flatMap(([path, messages]) => (path === at || path.startsWith(`${at}.`) ? messages : []));
}

/** Error text shown next to what it concerns; `id` lets the control name it in aria-describedby. */
export function ErrorText({ id, messages }: { id?: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <div id={id} class="error" role="alert">
      {messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}

let pageJustLoaded = true;

/**
 * A step's heading. It takes the focus when the step opens (except on the page's first load), so a
 * keyboard or screen-reader user continues from the top of the new step.
 */
export function StepHeading({ id, children }: { id: string; children: ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (pageJustLoaded) {
      pageJustLoaded = false;
      return;
    }
    heading.current?.focus();
  }, []);
  return (
    <h2 ref={heading} id={id} tabIndex={-1} class="step-heading">
      {children}
    </h2>
  );
}
