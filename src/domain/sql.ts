/**
 * Parameterised SQL fragments that compose. The domain layer expresses queries (filters, audiences)
 * as fragments without running them; values always travel as bind parameters, never in the text.
 *
 *   const where = sql`c.first_name = ${name}`;
 *   const query = sql`SELECT id FROM contacts c WHERE ${where} AND c.workspace_id = ${workspaceId}`;
 *   pool.query(query.text, query.values);   // "… c.first_name = $1 AND c.workspace_id = $2"
 */
export class Sql {
  private constructor(
    /** Text pieces; a value or a nested fragment sits between each two. */
    private readonly strings: readonly string[],
    private readonly parts: readonly unknown[],
  ) {}

  static template(strings: readonly string[], parts: readonly unknown[]): Sql {
    return new Sql(strings, parts);
  }

  /** The statement text with `$n` placeholders. */
  get text(): string {
    return this.render().text;
  }

  /** The bind parameters, in placeholder order. */
  get values(): unknown[] {
    return this.render().values;
  }

  /**
   * The statement with each value written in place by `literal`, for the one statement that takes
   * no bind parameters (COPY). `literal` must quote every value: this text runs as it is.
   */
  inline(literal: (value: unknown) => string): string {
    const write = (fragment: Sql): string => {
      let text = fragment.strings[0] ?? '';
      fragment.parts.forEach((part, index) => {
        text += part instanceof Sql ? write(part) : literal(part);
        text += fragment.strings[index + 1];
      });
      return text;
    };
    return write(this);
  }

  private render(): { text: string; values: unknown[] } {
    const values: unknown[] = [];
    const write = (fragment: Sql): string => {
      let text = fragment.strings[0] ?? '';
      fragment.parts.forEach((part, index) => {
        if (part instanceof Sql) {
          text += write(part);
        } else {
          values.push(part);
          text += `$${values.length}`;
        }
        text += fragment.strings[index + 1];
      });
      return text;
    };
    const text = write(this);
    return { text, values };
  }
}

/** A fragment with every interpolated value bound as a parameter and nested fragments inlined. */
export function sql(strings: TemplateStringsArray, ...parts: unknown[]): Sql {
  return Sql.template(strings, parts);
}

/**
 * Trusted text inserted as is: identifiers and keywords chosen by code, never user values.
 * Callers pass constants or names they have checked against a fixed list.
 */
export function raw(text: string): Sql {
  return Sql.template([text], []);
}

/** Fragments joined by a separator, e.g. `join(conditions, ' AND ')`. */
export function join(fragments: readonly Sql[], separator: string): Sql {
  if (fragments.length === 0) return raw('');
  const strings = ['', ...fragments.slice(1).map(() => separator), ''];
  return Sql.template(strings, fragments);
}

/** Text for a LIKE pattern: `%`, `_` and `\` are LIKE's wildcards and escape; a search for them means the characters themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
