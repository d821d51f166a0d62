import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ROW_BYTES } from '../../src/import/csv-source.ts';
import { convertXlsx, MAX_COMPRESSION_RATIO, MAX_DESCRIPTION_PART_BYTES } from '../../src/import/xlsx-source.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';
import { StartImport, uploadCsv } from '../support/imports.ts';
import { inlineRow, sharedStringsPart, sharedStringsXml, sheetXml, workbookParts, zipArchive, type ZipInput } from '../support/workbook-zip.ts';

/**
 * Workbooks built to exhaust the server: parts that unpack to gigabytes from kilobytes, a ZIP
 * directory that lies about sizes, shared strings or rows that multiply into huge CSV. Each is
 * refused with a typed error naming what was too big and the limit, before the damage; nothing of
 * the upload is kept, and the server keeps answering.
 */

const app = useTestApp();
let bystander: TestWorkspace;
let dir: string;

beforeAll(async () => {
  bystander = await app.createWorkspace('Bystander');
  dir = await mkdtemp(path.join(tmpdir(), 'xlsx-bombs-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const HEADER = inlineRow(1, ['Email']);

/** A workspace whose uploads may be `importMaxBytes` bytes (the default, 1 GB, when not given). */
async function workspace(importMaxBytes?: number): Promise<TestWorkspace> {
  const created = await app.createWorkspace();
  if (importMaxBytes !== undefined) await app.db.prisma.workspace.update({ where: { id: created.id }, data: { importMaxBytes } });
  return created;
}

async function upload(ws: TestWorkspace, parts: ZipInput[]) {
  return uploadCsv(app, ws.keys.WRITE, new Uint8Array(zipArchive(parts)), 'contacts.xlsx');
}

/** The refusal, with nothing of the upload kept and the server answering another workspace. */
async function expectRefused(
  ws: TestWorkspace,
  result: Awaited<ReturnType<typeof upload>>,
  expected: { typename: 'ValidationError' | 'LimitExceededError'; message: RegExp; limit?: number },
) {
  expect(result.__typename).toBe(expected.typename);
  if (result.__typename === 'ValidationError') expect(result.issues.map((issue) => issue.path)).toEqual([['file']]);
  if (result.__typename === 'LimitExceededError') expect(result.limit).toBe(expected.limit);
  if (result.__typename === 'ValidationError' || result.__typename === 'LimitExceededError') expect(result.message).toMatch(expected.message);
  const { rows } = await app.db.pool.query('SELECT count(*)::int AS n FROM import_jobs WHERE workspace_id = $1', [ws.id]);
  expect(rows[0].n).toBe(0);
  expect(await app.files.list(ws.id)).toEqual([]);
  expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  const other = await app.data(StartImport, { input: { text: 'Email\nstill@up.test\n' } }, bystander.keys.WRITE);
  expect(other.startContactImport).toMatchObject({ __typename: 'ImportJob', totalRows: 1 });
}

/** `count` rows of the same email, in the sheet's own cells: XML that compresses about a thousand times. */
function repeatedRows(count: number): string {
  return inlineRow(2, ['same@bomb.test']).repeat(count);
}

/** Excel's name of column `number` (1 is A, 27 is AA, 16,384 is XFD). */
function columnName(number: number): string {
  let name = '';
  for (let rest = number; rest > 0; rest = Math.floor((rest - 1) / 26)) name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  return name;
}

describe('a workbook built by these tests', () => {
  it('is read like any other, so the refusals below are about size alone', async () => {
    const ws = await workspace();
    const sheet = sheetXml(`${inlineRow(1, ['Email', 'Name'])}<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c></row>`);
    const result = await upload(ws, workbookParts({ sheet, sharedStrings: sharedStringsXml(['ada@x.test', 'Ada']) }));
    expect(result).toMatchObject({
      __typename: 'ImportJob',
      totalRows: 1,
      columns: [
        { header: 'Email', samples: ['ada@x.test'] },
        { header: 'Name', samples: ['Ada'] },
      ],
    });
  });
});

describe('ZIP bombs', () => {
  it('refuses a sheet of 40 MB of repeated rows packed in 150 KB, before unpacking it', async () => {
    const ws = await workspace();
    const parts = workbookParts({ sheet: sheetXml(HEADER + repeatedRows(600_000)) });
    expect(zipArchive(parts).length).toBeLessThan(200_000);
    await expectRefused(ws, await upload(ws, parts), {
      typename: 'ValidationError',
      message: new RegExp(
        `refused as a ZIP bomb: its part "xl/worksheets/sheet1.xml" is compressed \\d+ times over .*more than the ${MAX_COMPRESSION_RATIO} times`,
      ),
    });
  });

  it('refuses shared strings of millions of tiny strings, before holding them', async () => {
    const ws = await workspace();
    const parts = workbookParts({
      sheet: sheetXml(`${HEADER}<row r="2"><c r="A2" t="s"><v>0</v></c></row>`),
      sharedStrings: sharedStringsPart('<si><t>a</t></si>'.repeat(3_000_000)),
    });
    await expectRefused(ws, await upload(ws, parts), { typename: 'ValidationError', message: /ZIP bomb: its part "xl\/sharedStrings\.xml"/ });
  });

  it('refuses parts that would unpack to more than the import size limit in all', async () => {
    const ws = await workspace(1_000_000);
    // Distinct emails compress some ten times: under the ratio, over the limit once unpacked.
    const rows = Array.from({ length: 40_000 }, (_, index) =>
      inlineRow(index + 2, [`person${index}.${randomBytes(2).toString('hex')}@example.com`]),
    ).join('');
    const parts = workbookParts({ sheet: sheetXml(HEADER + rows) });
    expect(zipArchive(parts).length).toBeLessThan(1_000_000);
    await expectRefused(ws, await upload(ws, parts), {
      typename: 'LimitExceededError',
      limit: 1_000_000,
      message:
        /^The workbook unpacks to more than the import size limit of 1000000 bytes \(1 MB\): the parts read \(.*"xl\/worksheets\/sheet1\.xml".*\) declare \d+ bytes$/,
    });
  });

  it('stops unpacking a part at the size its ZIP directory declares, when the part is bigger', async () => {
    const ws = await workspace();
    // 20 MB of rows declared as 4 KB, both in the local header and in the central directory.
    const parts = workbookParts({ sheet: sheetXml(HEADER + repeatedRows(400_000)), sheetPart: { declaredSize: 4096 } });
    await expectRefused(ws, await upload(ws, parts), {
      typename: 'ValidationError',
      message:
        /^file: The file is not a readable XLSX workbook: the entry "xl\/worksheets\/sheet1\.xml" unpacks to more than the 4096 bytes its directory declares$/,
    });
  });

  it('refuses a sheet list or styles part bigger than such a part may be, before parsing it', async () => {
    const ws = await workspace();
    // 200 KB stored, declared as 17 MB: compressed less than the ratio refused, bigger than a styles part may be.
    const parts = [
      ...workbookParts({ sheet: sheetXml(`${HEADER}${inlineRow(2, ['a@x.test'])}`) }),
      { name: 'xl/styles.xml', data: randomBytes(100_000).toString('hex'), store: true, declaredSize: 17 * 1024 * 1024 },
    ];
    await expectRefused(ws, await upload(ws, parts), {
      typename: 'LimitExceededError',
      limit: MAX_DESCRIPTION_PART_BYTES,
      message: /^The workbook's part "xl\/styles\.xml" unpacks to 17825792 bytes, more than the 16777216 bytes \(16 MB\)/,
    });
  });
});

describe('shared strings that multiply', () => {
  it('refuses a sheet that converts to more CSV than the import size limit, and keeps none of it', async () => {
    const ws = await workspace(1_000_000);
    // One 50,000-character string named by 40 rows: 2 MB of CSV from a few KB of XML.
    const rows = Array.from({ length: 40 }, (_, index) => `<row r="${index + 2}"><c r="A${index + 2}" t="s"><v>0</v></c></row>`).join('');
    const parts = workbookParts({ sheet: sheetXml(HEADER + rows), sharedStrings: sharedStringsXml(['x'.repeat(50_000)]) });
    await expectRefused(ws, await upload(ws, parts), {
      typename: 'LimitExceededError',
      limit: 1_000_000,
      message: /^The sheet "People" is larger than the import size limit of 1000000 bytes \(1 MB\) once converted to CSV$/,
    });
  });

  it('refuses a row whose cells name one long string 16,384 times, before making the row', async () => {
    const ws = await workspace();
    const cells = Array.from({ length: 16_384 }, (_, index) => `<c r="${columnName(index + 1)}2" t="s"><v>0</v></c>`).join('');
    const parts = workbookParts({ sheet: sheetXml(`${HEADER}<row r="2">${cells}</row>`), sharedStrings: sharedStringsXml(['y'.repeat(32_767)]) });
    await expectRefused(ws, await upload(ws, parts), {
      typename: 'ValidationError',
      message: new RegExp(`^file: The sheet "People" has a row longer than ${MAX_ROW_BYTES / 1024 / 1024} MB \\(row 2\\)$`),
    });
  });
});

describe('shared strings held in memory', () => {
  // The real limits take millions of strings to reach; these tests lower them, on the reader itself.
  async function convert(strings: string[], limits: { strings: number; characters: number }, sharedStringsPart?: Partial<ZipInput>) {
    const file = path.join(dir, `${randomBytes(4).toString('hex')}.xlsx`);
    const sheet = sheetXml(`${HEADER}<row r="2"><c r="A2" t="s"><v>0</v></c></row>`);
    await writeFile(file, zipArchive(workbookParts({ sheet, sharedStrings: sharedStringsXml(strings), sharedStringsPart })));
    return convertXlsx(file, `${file}.csv`, { maxRows: 100, maxBytes: 2 ** 30, sharedStringLimits: limits });
  }

  it('refuses more strings than the limit', async () => {
    await expect(convert(['a@x.test', 'b', 'c'], { strings: 3, characters: 1000 })).resolves.toMatchObject({ sheetName: 'People' });
    const refused = convert(['a@x.test', 'b', 'c', 'd'], { strings: 3, characters: 1000 });
    await expect(refused).rejects.toMatchObject({
      name: 'LimitExceededError',
      limit: 3,
      message: expect.stringMatching(/^The workbook has more than 3 shared strings/),
    });
  });

  it('refuses more characters in all than the limit', async () => {
    const refused = convert(['a@x.test', 'b'.repeat(500), 'c'.repeat(500)], { strings: 100, characters: 1000 });
    await expect(refused).rejects.toMatchObject({
      name: 'LimitExceededError',
      limit: 1000,
      message: expect.stringMatching(/shared strings hold more than 1,000 characters/),
    });
  });

  it('refuses one shared string longer than a row may be, before holding it', async () => {
    // Stored, not deflated: 8 MB of one letter would be refused as a ZIP bomb first.
    const refused = convert(['a@x.test', 'z'.repeat(MAX_ROW_BYTES + 1)], { strings: 100, characters: 2 ** 30 }, { store: true });
    await expect(refused).rejects.toMatchObject({
      name: 'ValidationError',
      message: `file: The workbook has a shared string longer than ${MAX_ROW_BYTES / 1024 / 1024} MB`,
    });
  });
});
