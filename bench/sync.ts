/**
 * `npm run bench:sync [-- RECORDS]` (default 10,000, the most one call takes): an integration sync
 * through the service on the embedded PostgreSQL (or DATABASE_URL): a first push (every record new,
 * one phone in ten shared with the record before it), the same push again (nothing to write), and a
 * push changing every name. Prints the wall time of each.
 */
import { openBenchDatabase } from './bench-database.ts';
import { syncRecords } from '../src/services/sync.ts';
import { createWorkspace } from '../src/services/workspaces.ts';

const count = Number(process.argv[2] ?? 10_000);
const { db, close } = await openBenchDatabase('sync');
const { workspace } = await createWorkspace(db, { name: 'Bench' });

const records = (firstName: string) =>
  Array.from({ length: count }, (_, i) => {
    // Every tenth record shares the phone of the record before it: one of the two owns it.
    const n = i % 10 === 9 ? i - 1 : i;
    return {
      externalId: String(i + 1),
      phone: `+1202${String(5_000_000 + n).padStart(7, '0')}`,
      firstName,
      lastName: 'Bench',
      email: `r${i}@example.com`,
    };
  });

for (const [label, batch] of [
  ['first push', records('Ada')],
  ['same push again', records('Ada')],
  ['every name changed', records('Grace')],
] as const) {
  const started = performance.now();
  const summary = await syncRecords(db, { workspaceId: workspace.id, source: 'bench', records: batch });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${label.padEnd(20)} ${seconds.toFixed(2)} s (${Math.round(count / seconds).toLocaleString('en')} records/s): ` +
      `created ${summary.created}, updated ${summary.updated}, unchanged ${summary.unchanged}, conflicts ${summary.conflicts.length}, changed ${summary.changed}`,
  );
}

await close();
