import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neutralizeFormula } from '../../src/domain/formula-guard.ts';
import { createCsvStreamWriter, csvText, type CsvWriter } from '../../src/files/csv-output.ts';
import { inspectCsv, readCsvRows } from '../../src/import/csv-source.ts';
import { parseAnyLineEnd } from '../support/csv.ts';

/** Cells that break a row or a cell unless they are quoted. */
const AWKWARD_CELLS = ['line one\nline two', 'carriage\rreturn', 'windows\r\nbreak', 'say "hi"', 'a, b', '"', ',', '\n', 'trailing\n'];

/** The writer of the files the product makes, into a file of its own. */
function createCsvWriter(file: string, headers: string[]): CsvWriter {
  return createCsvStreamWriter(createWriteStream(file), headers);
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'csv-output-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('neutralizeFormula', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['=HYPERLINK("http://evil.example","click")', '\'=HYPERLINK("http://evil.example","click")'],
    ["+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ['@SUM(1,1)', "'@SUM(1,1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    // Numbers and phone numbers too: see neutralizeFormula's comment.
    ['-5', "'-5"],
    ['+12025550143', "'+12025550143"],
    ['+1 202 555 0143', "'+1 202 555 0143"],
  ])('prefixes %j', (cell, expected) => {
    expect(neutralizeFormula(cell)).toBe(expected);
  });

  it.each(['', 'Ada', '12025550143', 'a=b', 'x+y', "O'Brien", ' =1', '(202) 555-0143', 'ada@example.com'])('leaves %j alone', (cell) => {
    expect(neutralizeFormula(cell)).toBe(cell);
  });
});

describe('createCsvWriter', () => {
  it('writes UTF-8 with a BOM, CRLF line endings, quoting where needed, every cell neutralized', async () => {
    const file = path.join(dir, 'result.csv');
    const writer = createCsvWriter(file, ['Name', '=Header', 'Notes']);
    await writer.write(['José', '=1+1', 'a, "quoted"\nsecond line']);
    await writer.write(['李雷', '+12025550143', '@x']);
    await writer.close();

    const bytes = await readFile(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text).toBe("Name,'=Header,Notes\r\n" + 'José,\'=1+1,"a, ""quoted""\nsecond line"\r\n' + "李雷,'+12025550143,'@x\r\n");
    expect(parse(text)).toEqual([
      ['Name', "'=Header", 'Notes'],
      ['José', "'=1+1", 'a, "quoted"\nsecond line'],
      ['李雷', "'+12025550143", "'@x"],
    ]);
  });

  it('writes a file the reader reads back', async () => {
    const file = path.join(dir, 'round-trip.csv');
    const writer = createCsvWriter(file, ['first', 'last', 'Error']);
    await writer.write(['Zoë', 'Ñúñez', 'phone: "555" is not a valid number']);
    await writer.close();
    const layout = await inspectCsv(file, { maxRows: 10 });
    expect(layout).toMatchObject({ encoding: 'utf-8', bom: true, delimiter: ',', headers: ['first', 'last', 'Error'], rowCount: 1 });
    const rows = [];
    for await (const row of readCsvRows(file, layout)) rows.push(row.cells);
    expect(rows).toEqual([['Zoë', 'Ñúñez', 'phone: "555" is not a valid number']]);
  });

  it('quotes every cell holding a CR, an LF, a quote or the delimiter, so that any reader reads the cells back unchanged', async () => {
    const file = path.join(dir, 'awkward.csv');
    const writer = createCsvWriter(file, ['Note', 'Plain', 'Error']);
    for (const cell of AWKWARD_CELLS) await writer.write([cell, 'plain', `Note: "${cell}" is wrong`]);
    await writer.close();

    const bytes = await readFile(file);
    expect(bytes.subarray(3).toString('utf8').split('\r\n').slice(1, 3)).toEqual([
      '"line one\nline two",plain,"Note: ""line one\nline two"" is wrong"',
      '"carriage\rreturn",plain,"Note: ""carriage\rreturn"" is wrong"',
    ]);
    const expected = [['Note', 'Plain', 'Error'], ...AWKWARD_CELLS.map((cell) => [cell, 'plain', `Note: "${cell}" is wrong`])];
    expect(parseAnyLineEnd(bytes)).toEqual(expected);
    expect(parse(bytes, { bom: true })).toEqual(expected);
    const rows = [];
    for await (const row of readCsvRows(file, await inspectCsv(file, { maxRows: 100 }))) rows.push(row.cells);
    expect(rows).toEqual(expected.slice(1));
  });

  it('writes a batch of rows as the same bytes as those rows one by one', async () => {
    const rows = [['José', '=1+1', 'a, "quoted"\nsecond line'], ...AWKWARD_CELLS.map((cell) => [cell, '-5', ''])];
    const single = path.join(dir, 'single.csv');
    const byRow = createCsvWriter(single, ['Note', 'Number', 'Empty']);
    for (const cells of rows) await byRow.write(cells);
    await byRow.close();
    const batched = path.join(dir, 'batched.csv');
    const byBatch = createCsvWriter(batched, ['Note', 'Number', 'Empty']);
    await byBatch.writeRows(rows.slice(0, 4));
    await byBatch.writeRows(rows.slice(4));
    await byBatch.close();

    const bytes = await readFile(batched);
    expect(bytes.equals(await readFile(single))).toBe(true);
    expect(parseAnyLineEnd(bytes)).toEqual([
      ['Note', 'Number', 'Empty'],
      ...rows.map(([note, number, empty]) => [neutralizeFormula(note!), `'${number}`, empty]),
    ]);
  });

  it('waits for the file when it falls behind, and writes every row', async () => {
    const file = path.join(dir, 'large.csv');
    const writer = createCsvWriter(file, ['id', 'text']);
    const filler = 'x'.repeat(1000);
    for (let index = 0; index < 50_000; index += 1) await writer.write([String(index), filler]);
    await writer.close();
    expect((await stat(file)).size).toBeGreaterThan(50_000 * 1000);
    const layout = await inspectCsv(file, { maxRows: 100_000 });
    expect(layout.rowCount).toBe(50_000);
  });

  it('fails when the file cannot be written', async () => {
    const writer = createCsvWriter(path.join(dir, 'missing-folder', 'x.csv'), ['a']);
    await expect(writer.close()).rejects.toThrow(/ENOENT/);
  });
});

describe('csvText', () => {
  it('lays a small file out as the writer does: BOM, CRLF, awkward cells quoted, formulas neutralized', () => {
    const text = csvText([
      ['First name', '=Tier', 'Note\nline'],
      ['a, b', 'say "hi"', 'x\ry'],
    ]);
    expect(text).toBe('\uFEFFFirst name,\'=Tier,"Note\nline"\r\n"a, b","say ""hi""","x\ry"\r\n');
    expect(parseAnyLineEnd(text)).toEqual([
      ['First name', "'=Tier", 'Note\nline'],
      ['a, b', 'say "hi"', 'x\ry'],
    ]);
  });
});
