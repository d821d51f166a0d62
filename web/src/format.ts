/** How the page writes numbers, durations, sizes and dates: in the browser's language. */

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

export function count(value: number): string {
  return integer.format(value);
}

/** "1 row", "2,000 rows". */
export function rows(value: number): string {
  return `${count(value)} ${value === 1 ? 'row' : 'rows'}`;
}

/** "4 s", "2 min 05 s", "1 h 02 min". */
export function duration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes} min ${String(whole % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

export function bytes(value: number): string {
  if (value < 1024) return `${count(value)} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let scaled = value / 1024;
  let unit = 0;
  while (scaled >= 1024 && unit < units.length - 1) {
    scaled /= 1024;
    unit += 1;
  }
  return `${scaled.toFixed(scaled < 10 ? 1 : 0)} ${units[unit]}`;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function when(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** A JSON value of the update preview, as a person reads it. */
export function value(json: unknown): string {
  if (json === null || json === undefined || json === '' || (Array.isArray(json) && json.length === 0)) return '(empty)';
  if (typeof json === 'string') return json;
  if (Array.isArray(json)) return json.map(value).join(', ');
  if (typeof json === 'object') {
    const record = json as Record<string, unknown>;
    for (const key of ['e164', 'value', 'label', 'name']) if (typeof record[key] === 'string') return record[key] as string;
  }
  return JSON.stringify(json);
}
