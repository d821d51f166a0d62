/**
 * The file links the API returns are signed for a short time (src/domain/download-link.ts): the
 * URL, then `expires`, `workspace`, `key` and `sig` in its query.
 */

/**
 * Matches a signed link of `url` (which may have a query of its own, as an export's does); a `*` in
 * it stands for one path segment, such as the job in `/files/imports/*\/result.csv`.
 */
export function signedLink(url: string): RegExp {
  const escaped = url.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '[^/?]+');
  return new RegExp(`^${escaped}[?&]expires=\\d+&workspace=[\\w-]+&key=[\\w-]+&sig=[\\w-]{43}$`);
}

/** A link without its query: what stays the same from one signing to the next. */
export function unsignedLink<T extends string | null | undefined>(link: T): T {
  return link?.split('?')[0] as T;
}
