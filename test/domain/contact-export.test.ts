import { describe, expect, it } from 'vitest';
import { exportRowCells, resolveExportColumns } from '../../src/domain/contact-export.ts';
import type { FieldDefinition } from '../../src/domain/field-value.ts';

const FIELDS: FieldDefinition[] = [
  { key: 'score', label: 'Score', type: 'NUMBER', options: [] },
  { key: 'member', label: 'Member', type: 'BOOLEAN', options: [] },
  { key: 'colours', label: 'Colours', type: 'MULTI_SELECT', options: ['Red', 'Blue'] },
  { key: 'note', label: 'Note', type: 'TEXT', options: [] },
];

describe('exportRowCells', () => {
  const columns = resolveExportColumns(['name', 'phone', 'tags', 'groups', 'createdAt', 'score', 'member', 'colours', 'note'], FIELDS);
  const cells = exportRowCells(columns);

  it('writes each column of a row as the import reads it back', () => {
    expect(
      cells([
        'Ada Lovelace',
        '+12025550101',
        ['vip', 'Smith, Jones'],
        ['Team', 'say "hi"'],
        Date.UTC(2026, 0, 2, 3, 4, 5, 678),
        10.5,
        true,
        ['Red', 'Blue'],
        '=1+2',
      ]),
    ).toEqual([
      'Ada Lovelace',
      '+12025550101',
      'vip, "Smith, Jones"',
      'Team, "say ""hi"""',
      '2026-01-02T03:04:05.678Z',
      '10.5',
      'TRUE',
      'Red, Blue',
      '=1+2',
    ]);
  });

  it('writes what is unset as empty cells', () => {
    expect(cells([null, null, null, null, Date.UTC(1999, 11, 31, 23, 59, 59, 999), null, false, null, null])).toEqual([
      '',
      '',
      '',
      '',
      '1999-12-31T23:59:59.999Z',
      '',
      'FALSE',
      '',
      '',
    ]);
  });

  it('writes every moment exactly as Date.toISOString does, whether or not the day changes from one row to the next', () => {
    const times = exportRowCells(resolveExportColumns(['createdAt'], []));
    // A seeded generator (mulberry32), so that a failure comes again on the next run.
    let state = 20261203;
    const random = () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const moments = [0, -1, 86_399_999, 86_400_000, Date.UTC(2024, 1, 29, 23, 59, 59, 999), Date.UTC(12000, 0, 1), Date.UTC(-50, 5, 6, 7, 8, 9, 10)];
    let moment = Date.UTC(2026, 0, 1);
    for (let index = 0; index < 5000; index++) {
      moment += Math.floor(random() * (index % 2 === 0 ? 1000 : 400_000_000));
      moments.push(moment, Math.floor((random() - 0.3) * 4e12));
    }
    for (const ms of moments) expect(times([ms])).toEqual([new Date(ms).toISOString()]);
  });
});
