import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type TestWorkspace } from '../support/app.ts';
import { parseAnyLineEnd } from '../support/csv.ts';
import { confirmAndWait, SetMapping, uploadCsv, waitWhile } from '../support/imports.ts';
import { createField } from '../support/operations.ts';

const app = useTestApp();
let workspace: TestWorkspace;

beforeAll(async () => {
  workspace = await app.createWorkspace('Output files');
  await createField(app, workspace.keys.WRITE, { label: 'Note', type: 'TEXT' });
});

/** One CSV cell as a careful writer puts it: always quoted, quotes doubled. */
const quoted = (cell: string) => `"${cell.replaceAll('"', '""')}"`;

const HEADERS = ['First name', 'Phone', 'Note'];
/**
 * Rows whose cells hold a bare LF, a bare CR, CRLF, quotes and the delimiter; the last one fails
 * (phone "12"). No cell starts like a formula, so none gets the spreadsheet guard.
 */
const ROWS = [
  ['Ada', '(202) 555-0101', 'delivery note:\nleave at the back door'],
  ['Bob', '(202) 555-0102', 'carriage\rreturn, and "quotes"'],
  ['Zoë, "Z"', '(202) 555-0103', 'first\r\nsecond'],
  ['Cy', '12', 'bad\nrow, "quoted";\rend'],
];

async function downloadRows(url: string): Promise<string[][]> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${workspace.keys.READ}` } });
  expect(response.status).toBe(200);
  return parseAnyLineEnd(Buffer.from(await response.arrayBuffer()));
}

describe('the files an import writes', () => {
  it('hold cells with CR, LF, quotes and the delimiter exactly as the uploaded file had them', async () => {
    const key = workspace.keys.WRITE;
    const csv = [HEADERS, ...ROWS].map((cells) => cells.map(quoted).join(',')).join('\r\n');
    const started = await uploadCsv(app, key, csv, 'awkward.csv');
    if (started.__typename !== 'ImportJob') throw new Error(started.message);
    const { setContactImportMapping } = await app.data(
      SetMapping,
      {
        input: {
          jobId: started.id,
          columns: [
            { index: 0, ignore: true },
            { index: 1, fieldKey: 'phone' },
            { index: 2, fieldKey: 'note' },
          ],
          purpose: 'ADD_AND_UPDATE',
          identifier: 'PHONE',
          defaultCountry: 'US',
        },
      },
      key,
    );
    expect(setContactImportMapping).toMatchObject({ __typename: 'ImportJob' });

    const review = await waitWhile(app, key, started.id, ['VALIDATING']);
    expect(review).toMatchObject({ status: 'REVIEW', counts: { toCreate: 3, errors: 1 } });
    const errors = await downloadRows(review.errorFileUrl!);
    expect(errors).toEqual([
      [...HEADERS, 'Error', 'Error Codes'],
      [...ROWS[3]!, expect.stringContaining('"12"'), 'INVALID_PHONE'],
    ]);

    const done = await confirmAndWait(app, key, started.id);
    expect(done).toMatchObject({ status: 'COMPLETED', counts: { created: 3, failed: 1 } });
    const [header, ...rows] = await downloadRows(done.resultFileUrl!);
    expect(header!.slice(0, HEADERS.length + 1)).toEqual([...HEADERS, 'Import Status']);
    expect(rows.map((row) => row.slice(0, HEADERS.length + 1))).toEqual([
      [...ROWS[0]!, 'Imported'],
      [...ROWS[1]!, 'Imported'],
      [...ROWS[2]!, 'Imported'],
      [...ROWS[3]!, 'Error'],
    ]);
  });

  it('include the import template, whose headers are the field labels', async () => {
    await createField(app, workspace.keys.WRITE, { label: 'Size, "in" cm', type: 'NUMBER' });
    const [headers, ...rest] = await downloadRows(`${app.url}/files/import-template.csv`);
    expect(rest).toEqual([]);
    expect(headers!.slice(-2)).toEqual(['Note', 'Size, "in" cm']);
  });
});
