/**
 * What the mapping screen shows before the client decides: each column of the file with its sample
 * cells and the field suggested for it.
 */
import { suggestField, type MatchableField } from './field-key.ts';

/** A column as the mapping screen shows it before the client decides (`ImportJob.columns`). */
export interface ColumnSuggestion {
  index: number;
  header: string;
  /** The column's cells in the sample rows, in order; `''` where a short row has none. */
  samples: string[];
  suggestedFieldKey: string | null;
  /** 1 exact, 0.9 synonym, less for a fuzzy match; null when nothing is suggested. */
  confidence: number | null;
  /** True when nothing is suggested: the client must pick a field, a new field, or ignore. */
  needsDecision: boolean;
}

/**
 * Suggests a field for each column with {@link suggestField}. A field is suggested for one column
 * at most — the one matching it with the highest confidence, the leftmost on a tie — since a field
 * can be mapped only once; the other columns get no suggestion and need a decision. Pass built-in
 * fields before custom ones (ties between fields go to the one listed first), and
 * {@link CONTACT_ID_COLUMN} if a contact id column should be recognised.
 *
 * `sampleRows` are the first data rows as read (row by row, not column by column).
 */
export function suggestColumns(
  headers: readonly string[],
  sampleRows: readonly (readonly string[])[],
  fields: readonly MatchableField[],
): ColumnSuggestion[] {
  const suggestions = headers.map((header) => suggestField(header, fields));
  const winner = new Map<string, number>();
  suggestions.forEach((suggestion, index) => {
    if (!suggestion) return;
    const current = winner.get(suggestion.key);
    if (current === undefined || suggestion.confidence > suggestions[current]!.confidence) winner.set(suggestion.key, index);
  });
  return headers.map((header, index) => {
    const suggestion = suggestions[index];
    const kept = suggestion && winner.get(suggestion.key) === index ? suggestion : null;
    return {
      index,
      header,
      samples: sampleRows.map((row) => row[index] ?? ''),
      suggestedFieldKey: kept?.key ?? null,
      confidence: kept?.confidence ?? null,
      needsDecision: kept === null,
    };
  });
}
