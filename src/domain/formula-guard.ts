/** A cell starting with one of these (`=`, `+`, `-`, `@`, tab, CR) is run as a formula by Excel, LibreOffice or Google Sheets. */
const FORMULA_START = new Set([...'=+-@\t\r'].map((char) => char.charCodeAt(0)));

/**
 * Makes a cell safe to open in a spreadsheet (OWASP "CSV Injection"): a cell starting with `=`,
 * `+`, `-`, `@`, tab or carriage return gets a leading `'`, so it is shown as text, not evaluated.
 *
 * Numbers and phone numbers (`-5`, `+12025550143`) are prefixed too. Exempting "harmless" values
 * would mean predicting how every spreadsheet parses a cell, and a wrong guess runs code on the
 * reader's machine (`-2+3+cmd|' /C calc'!A0` starts like a number). The cost is small and even a
 * gain for phones: unprefixed, Excel turns `+12025550143` into the number 12025550143.
 */
export function neutralizeFormula(cell: string): string {
  // A look at the first character is enough, and every cell of every file comes through here.
  return FORMULA_START.has(cell.charCodeAt(0)) ? `'${cell}` : cell;
}

/**
 * The value of a cell written formula-safe — by Switchboard's own exports, result and error files,
 * or other careful tools — is the text after the guard: `'+12025550143` is the phone +12025550143,
 * so an export imports back as it was.
 */
export function withoutFormulaGuard(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.has(cell.charCodeAt(1)) ? cell.slice(1) : cell;
}
