/**
 * The text form of a list in one cell (multi-select options, tags, groups): items split on `,` or
 * `;`, and an item holding one of them written in double quotes, so that a list written out reads
 * back as the same items.
 */

/** Separators of a MULTI_SELECT (or tags) cell. Both occur: `,` in most exports, `;` in Excel's. */
const LIST_SEPARATORS = ',;';

/** What {@link joinListValue} puts between items. */
const LIST_JOINER = ', ';

const QUOTE = '"';
const BLANK = /\s/;

/**
 * Splits a list cell (`Gold, Silver;Bronze`) into its trimmed, non-blank items, in order.
 * Shared with the tags column, which uses the same separators.
 *
 * An item written whole in double quotes, with any quote inside it doubled, is taken as written
 * between its quotes, separators and blanks included: `"Smith, Jones", vip` is the two items
 * `Smith, Jones` and `vip` (this is how {@link joinListValue} writes such items). Any other quote is
 * an ordinary character, and so is the opening quote of an item that does not end with its closing
 * one: `5" screen, "big" deal` is `5" screen` and `"big" deal`, as it always was.
 */
export function splitListValue(raw: string): string[] {
  const items: string[] = [];
  let start = 0;
  while (start <= raw.length) {
    const quoted = readQuotedItem(raw, start);
    let item: string;
    let end: number;
    if (quoted) {
      ({ item, end } = quoted);
    } else {
      end = nextSeparator(raw, start);
      item = raw.slice(start, end).trim();
    }
    if (item.trim() !== '') items.push(item);
    start = end + 1;
  }
  return items;
}

/** Where the item starting at `start` ends: the next separator, or the end of the text. */
function nextSeparator(raw: string, start: number): number {
  for (let index = start; index < raw.length; index++) if (LIST_SEPARATORS.includes(raw[index]!)) return index;
  return raw.length;
}

/**
 * The item at `start` when it is written in quotes (blanks allowed around them) and followed by a
 * separator or the end of the text, with the index of that separator (or the text's length).
 */
function readQuotedItem(raw: string, start: number): { item: string; end: number } | undefined {
  let index = start;
  while (index < raw.length && BLANK.test(raw[index]!)) index++;
  if (raw[index] !== QUOTE) return undefined;
  let item = '';
  for (index++; index < raw.length; index++) {
    if (raw[index] !== QUOTE) {
      item += raw[index];
    } else if (raw[index + 1] === QUOTE) {
      item += QUOTE;
      index++;
    } else {
      break;
    }
  }
  if (index >= raw.length) return undefined;
  for (index++; index < raw.length && BLANK.test(raw[index]!); index++);
  return index === raw.length || LIST_SEPARATORS.includes(raw[index]!) ? { item, end: index } : undefined;
}

/**
 * Writes list items (tags, groups, multi-select options) as one cell that {@link splitListValue}
 * reads back as exactly the same items: joined by `, `, and an item in double quotes, its quotes
 * doubled, when it holds a separator or a quote or starts or ends with blanks. Blank items are left
 * out, as splitting drops them.
 */
export function joinListValue(items: readonly string[]): string {
  return items
    .filter((item) => item.trim() !== '')
    .map((item) => (needsListQuotes(item) ? QUOTE + item.replaceAll(QUOTE, QUOTE + QUOTE) + QUOTE : item))
    .join(LIST_JOINER);
}

function needsListQuotes(item: string): boolean {
  return item !== item.trim() || [...LIST_SEPARATORS, QUOTE].some((char) => item.includes(char));
}
