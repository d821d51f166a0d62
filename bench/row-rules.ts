/**
 * How fast the pure row rules are: normalizes (and decides) generated rows of phone, email, first and
 * last name, a DATE field and a SELECT field, with no I/O, and prints rows per second.
 *
 *   npx tsx bench/row-rules.ts [rows]
 */
import { performance } from 'node:perf_hooks';
import type { CustomFieldDefinition } from '../src/domain/field-definition.ts';
import { planImport } from '../src/domain/import-plan.ts';
import { decideRow } from '../src/domain/import-row-decision.ts';
import { normalizeImportRow } from '../src/domain/import-row.ts';

const ROWS = Number(process.argv[2] ?? 200_000);
const WARM_UP_ROWS = 20_000;

const headers = ['First Name', 'Last Name', 'Phone', 'Email', 'Birthday', 'Tier'];
const customFields: CustomFieldDefinition[] = [
  { key: 'birthday', label: 'Birthday', type: 'DATE', options: [] },
  { key: 'tier', label: 'Tier', type: 'SELECT', options: ['Gold', 'Silver', 'Bronze'] },
];
const plan = planImport(
  {
    columns: [
      { index: 0, fieldKey: 'firstName' },
      { index: 1, fieldKey: 'lastName' },
      { index: 2, fieldKey: 'phone' },
      { index: 3, fieldKey: 'email' },
      { index: 4, fieldKey: 'birthday' },
      { index: 5, fieldKey: 'tier' },
    ],
    purpose: 'ADD_AND_UPDATE',
    identifier: 'PHONE',
    defaultCountry: 'US',
  },
  { headers, customFields, customFieldLimit: 100 },
);
const settings = { requireFirstName: false, requirePhoneWithCountry: false, headerCount: headers.length };

const FIRST = ['Ann', 'José', "O'Brien", 'Jean-Luc', '李雷', 'Mary Jane', 'Zoë', 'Ahmed'];
const LAST = ['Smith', 'García', 'Nguyễn', 'Müller', 'Lee', '', 'Kowalski', 'Okafor'];
const TIERS = ['Gold', 'silver', 'BRONZE', ''];

/** A deterministic file: mostly valid rows in the formats exports use, about 2% with a bad value. */
function generateRow(i: number): string[] {
  const line = String(i % 10_000).padStart(4, '0');
  const area = 201 + (i % 7) * 100;
  const phone = i % 3 === 0 ? `(${area}) 555-${line}` : i % 3 === 1 ? `+1 ${area} 555 ${line}` : i % 50 === 2 ? `555-${line}` : `${area}-555-${line}`;
  const month = String(1 + (i % 12)).padStart(2, '0');
  const day = String(1 + (i % 28)).padStart(2, '0');
  return [
    FIRST[i % FIRST.length]!,
    LAST[(i >> 3) % LAST.length]!,
    phone,
    i % 10 === 0 ? '' : `User.${i}@Example.com`,
    i % 5 === 0 ? '' : `19${50 + (i % 50)}-${month}-${day}`,
    TIERS[i % TIERS.length]!,
  ];
}

const rows = Array.from({ length: ROWS }, (_, i) => generateRow(i));

function run(count: number): { errors: number; creates: number } {
  let errors = 0;
  let creates = 0;
  for (let i = 0; i < count; i++) {
    const row = normalizeImportRow(rows[i]!, plan, settings);
    const decision = decideRow(row, 0, plan.purpose, settings);
    if (decision.action === 'ERROR') errors++;
    else if (decision.action === 'CREATE') creates++;
  }
  return { errors, creates };
}

run(Math.min(WARM_UP_ROWS, ROWS));
const started = performance.now();
const { errors, creates } = run(ROWS);
const seconds = (performance.now() - started) / 1000;

console.log(
  JSON.stringify({
    rows: ROWS,
    seconds: Number(seconds.toFixed(3)),
    rowsPerSecond: Math.round(ROWS / seconds),
    errors,
    creates,
    node: process.version,
  }),
);
