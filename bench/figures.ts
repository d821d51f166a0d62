/** Printing a bench's figures: each as min / median / max over its runs, as a Markdown table. */

export interface FigureRow {
  label: string;
  /** One value per run; NaN for a run that did not measure it. */
  values: number[];
  /** How a value is written (its unit is in the label). */
  format: (value: number) => string;
}

export function median(values: readonly number[]): number {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export const seconds = (value: number) => value.toFixed(value < 10 ? 3 : 2);
export const whole = (value: number) => Math.round(value).toLocaleString('en');
export const ratio = (value: number) => `${value.toFixed(2)}×`;
export const oneDecimal = (value: number) => value.toFixed(1);

/** A Markdown table: figure, then min, median and max of its runs. */
export function figureTable(rows: readonly FigureRow[]): string {
  const cell = (row: FigureRow, value: number) => (Number.isNaN(value) ? '–' : row.format(value));
  const lines = ['| figure | min | median | max |', '|---|---:|---:|---:|'];
  for (const row of rows) {
    const measured = row.values.filter((value) => !Number.isNaN(value));
    const min = measured.length ? Math.min(...measured) : Number.NaN;
    const max = measured.length ? Math.max(...measured) : Number.NaN;
    lines.push(`| ${row.label} | ${cell(row, min)} | ${cell(row, median(measured))} | ${cell(row, max)} |`);
  }
  return lines.join('\n');
}

/** Peak resident memory of this process, sampled every `intervalMs` until `stop()`. */
export function sampleRss(intervalMs = 50): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}

export const MIB = 2 ** 20;
