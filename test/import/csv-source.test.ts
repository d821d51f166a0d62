import { createWriteStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LimitExceededError, ValidationError } from '../../src/domain/errors.ts';
import { inspectCsv, MAX_ROW_BYTES, readCsvRows, SNIFF_BYTES, type CsvLayout } from '../../src/import/csv-source.ts';

const LIMITS = { maxRows: 1_000_000 };
let dir: string;
let fileCount = 0;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'csv-source-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes a fixture; strings are UTF-8 unless an encoding is given. */
async function fixture(content: string | Buffer, encoding?: 'utf-16le' | 'utf-16be' | 'windows-1252'): Promise<string> {
  const file = path.join(dir, `fixture-${++fileCount}.csv`);
  await writeFile(file, typeof content === 'string' ? (encoding ? iconv.encode(content, encoding) : content) : content);
  return file;
}

async function rowsOf(file: string, layout: CsvLayout): Promise<{ rowNumber: number; cells: string[] }[]> {
  const rows = [];
  for await (const row of readCsvRows(file, layout)) rows.push(row);
  return rows;
}

/** Inspects and reads a fixture, checking that the row count and the rows read agree. */
async function load(content: string | Buffer, encoding?: 'utf-16le' | 'utf-16be' | 'windows-1252') {
  const file = await fixture(content, encoding);
  const layout = await inspectCsv(file, LIMITS);
  const rows = await rowsOf(file, layout);
  expect(rows.length).toBe(layout.rowCount);
  expect(rows.map((row) => row.rowNumber)).toEqual(rows.map((_, index) => index + 1));
  expect(layout.samples).toEqual(rows.slice(0, 5).map((row) => row.cells));
  return { layout, cells: rows.map((row) => row.cells) };
}

async function rejection(content: string | Buffer, limits = LIMITS): Promise<Error> {
  const file = await fixture(content);
  const error = await inspectCsv(file, limits).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof Error)) throw new Error('expected inspectCsv to reject the file');
  return error;
}

const NAMES = 'first,last,city\nJosé,Müller,Zürich\nRené,Ñúñez,Köln\n';

describe('encodings', () => {
  it('reads UTF-8 without a BOM', async () => {
    const { layout, cells } = await load(NAMES);
    expect(layout).toMatchObject({ encoding: 'utf-8', bom: false, delimiter: ',', headers: ['first', 'last', 'city'], rowCount: 2 });
    expect(cells).toEqual([
      ['José', 'Müller', 'Zürich'],
      ['René', 'Ñúñez', 'Köln'],
    ]);
  });

  it('reads plain ASCII as UTF-8', async () => {
    const { layout } = await load('a,b\n1,2\n');
    expect(layout).toMatchObject({ encoding: 'utf-8', bom: false });
  });

  it('reads UTF-8 with a BOM, keeping the mark out of the first header', async () => {
    const { layout, cells } = await load(`\uFEFF${NAMES}`);
    expect(layout).toMatchObject({ encoding: 'utf-8', bom: true, headers: ['first', 'last', 'city'] });
    expect(cells[0]).toEqual(['José', 'Müller', 'Zürich']);
  });

  it.each(['utf-16le', 'utf-16be'] as const)('reads %s with a BOM', async (encoding) => {
    const { layout, cells } = await load(`\uFEFF${NAMES}李,雷,北京\n`, encoding);
    expect(layout).toMatchObject({ encoding, bom: true, delimiter: ',', headers: ['first', 'last', 'city'], rowCount: 3 });
    expect(cells).toEqual([
      ['José', 'Müller', 'Zürich'],
      ['René', 'Ñúñez', 'Köln'],
      ['李', '雷', '北京'],
    ]);
  });

  it('reads Windows-1252 (é, ü, €)', async () => {
    const { layout, cells } = await load('name;city;price\nJosé;Zürich;5 €\nRené;Köln;3 €\n', 'windows-1252');
    expect(layout).toMatchObject({ encoding: 'windows-1252', bom: false, delimiter: ';' });
    expect(cells).toEqual([
      ['José', 'Zürich', '5 €'],
      ['René', 'Köln', '3 €'],
    ]);
  });

  it('reads ISO-8859-1 text as Windows-1252', async () => {
    const latin1 = Buffer.from('name,city\nJosé,Zürich\nAnaïs,Besançon\n', 'latin1');
    const { layout, cells } = await load(latin1);
    expect(layout.encoding).toBe('windows-1252');
    expect(cells[1]).toEqual(['Anaïs', 'Besançon']);
  });

  it('switches to Windows-1252 when the first non-ASCII byte comes after the sniffed start', async () => {
    const filler = `name,city\n${'Smith,Boston\n'.repeat(Math.ceil(SNIFF_BYTES / 13) + 10)}`;
    const { layout, cells } = await load(Buffer.concat([Buffer.from(filler), iconv.encode('José,Zürich\n', 'windows-1252')]));
    expect(layout.encoding).toBe('windows-1252');
    expect(cells.at(-1)).toEqual(['José', 'Zürich']);
  });

  it('keeps UTF-8 whose first multi-byte character comes after the sniffed start', async () => {
    const filler = `name,city\n${'Smith,Boston\n'.repeat(Math.ceil(SNIFF_BYTES / 13) + 10)}`;
    const { layout, cells } = await load(`${filler}José,Zürich\n`);
    expect(layout.encoding).toBe('utf-8');
    expect(cells.at(-1)).toEqual(['José', 'Zürich']);
  });
});

describe('delimiters', () => {
  it.each([
    [',', 'name,phone,email\nAda,+1 202 555 0143,ada@example.com\nBob,555,bob@example.com\n'],
    [';', 'name;phone;email\nAda;+1 202 555 0143;ada@example.com\nBob;555;bob@example.com\n'],
    ['\t', 'name\tphone\temail\nAda\t+1 202 555 0143\tada@example.com\nBob\t555\tbob@example.com\n'],
    ['|', 'name|phone|email\nAda|+1 202 555 0143|ada@example.com\nBob|555|bob@example.com\n'],
  ])('detects %j', async (delimiter, content) => {
    const { layout, cells } = await load(content);
    expect(layout.delimiter).toBe(delimiter);
    expect(layout.headers).toEqual(['name', 'phone', 'email']);
    expect(cells).toEqual([
      ['Ada', '+1 202 555 0143', 'ada@example.com'],
      ['Bob', '555', 'bob@example.com'],
    ]);
  });

  it('prefers the delimiter that gives every row the header’s cell count', async () => {
    // Every line has exactly one comma too: commas give a consistent two columns, semicolons three.
    const { layout, cells } = await load('Name, as written;email;score\nSmith, John;j@example.com;1,5\nDoe, Jane;d@example.com;2,5\n');
    expect(layout.delimiter).toBe(';');
    expect(cells[0]).toEqual(['Smith, John', 'j@example.com', '1,5']);
  });

  it('is not fooled by delimiters inside quoted cells', async () => {
    const { layout } = await load('"a,x";"b,y";c\n"1,2";"3,4";5\n');
    expect(layout.delimiter).toBe(';');
    expect(layout.headers).toEqual(['a,x', 'b,y', 'c']);
  });

  it('allows a one-column file', async () => {
    const { layout, cells } = await load('email\nada@example.com\nbob@example.com\n');
    expect(layout).toMatchObject({ delimiter: ',', headers: ['email'], rowCount: 2 });
    expect(cells).toEqual([['ada@example.com'], ['bob@example.com']]);
  });
});

describe('messy CSV', () => {
  it('keeps quoted delimiters, newlines and doubled quotes inside cells', async () => {
    const { cells } = await load('a,b,c\n"x, y","line 1\nline 2","she said ""hi"""\n');
    expect(cells).toEqual([['x, y', 'line 1\nline 2', 'she said "hi"']]);
  });

  it('keeps stray quotes in unquoted cells as text', async () => {
    const { cells } = await load('name,height,nick\nBob "the builder" Smith,5\'11",x"y\n"Ann" Lee,6,z\n');
    expect(cells).toEqual([
      ['Bob "the builder" Smith', '5\'11"', 'x"y'],
      ['"Ann" Lee', '6', 'z'],
    ]);
  });

  it('yields rows with too few or too many cells as they are', async () => {
    const { layout, cells } = await load('a,b,c\n1,2\n1,2,3,4\n1,2,3\n');
    expect(layout.rowCount).toBe(3);
    expect(cells).toEqual([
      ['1', '2'],
      ['1', '2', '3', '4'],
      ['1', '2', '3'],
    ]);
  });

  it('skips blank lines and rows of blank cells, numbering the rows left', async () => {
    const { layout, cells } = await load('\n\na,b\n\n1,2\n,\n  ,  \n\n3,4\n\n');
    expect(layout).toMatchObject({ headers: ['a', 'b'], rowCount: 2 });
    expect(cells).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('keeps cells as written: no trimming', async () => {
    const { layout, cells } = await load(' a , b \n 1 ,2\n');
    expect(layout.headers).toEqual([' a ', ' b ']);
    expect(cells).toEqual([[' 1 ', '2']]);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('reads %s line endings', async (_name, eol) => {
    const { layout, cells } = await load(['a,b', '1,2', '"multi', 'line",4', ''].join(eol));
    expect(layout).toMatchObject({ headers: ['a', 'b'], rowCount: 2 });
    expect(cells).toEqual([
      ['1', '2'],
      [`multi${eol}line`, '4'],
    ]);
  });

  it('reads a 5 MB cell', async () => {
    const big = 'x'.repeat(5 * 1024 * 1024);
    const { layout, cells } = await load(`id,notes\n1,${big}\n2,short\n`);
    expect(layout.rowCount).toBe(2);
    expect(cells[0]![1]!.length).toBe(big.length);
  });

  it('detects the delimiter from the header alone when the first data row outgrows the sniffed start', async () => {
    const { layout } = await load(`id;notes\n1;${'y'.repeat(SNIFF_BYTES * 2)}\n`);
    expect(layout).toMatchObject({ delimiter: ';', rowCount: 1 });
  });
});

describe('csv-spectrum', () => {
  const require = createRequire(import.meta.url);
  const root = path.dirname(require.resolve('csv-spectrum/package.json'));

  it('reads every file as its JSON expects', async () => {
    const names = (await readdir(path.join(root, 'csvs'))).map((name) => path.basename(name, '.csv'));
    expect(names.length).toBeGreaterThanOrEqual(12);
    for (const name of names) {
      const file = path.join(root, 'csvs', `${name}.csv`);
      const parsed: unknown = JSON.parse(await readFile(path.join(root, 'json', `${name}.json`), 'utf8'));
      // location_coordinates.json is a lone object, not an array like the others.
      const expected = (Array.isArray(parsed) ? parsed : [parsed]) as Record<string, string>[];
      const layout = await inspectCsv(file, LIMITS);
      const rows = await rowsOf(file, layout);
      expect(layout.headers, name).toEqual(Object.keys(expected[0]!));
      expect(layout.rowCount, name).toBe(expected.length);
      const actual = rows.map((row) => Object.fromEntries(layout.headers.map((header, index) => [header, row.cells[index]])));
      // The package's own expectation for this file names another phone number than its CSV holds.
      if (name === 'location_coordinates') for (const row of [...actual, ...expected]) delete row['Contact Phone Number'];
      expect(actual, name).toEqual(expected);
    }
  });
});

describe('rejections', () => {
  it('refuses an empty file', async () => {
    const error = await rejection('');
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([{ path: ['file'], code: 'EMPTY_FILE', message: 'The file is empty' }]);
  });

  it('refuses a file of blank lines', async () => {
    expect((await rejection('\n\r\n , \n')).message).toMatch(/empty/);
  });

  it('refuses a header without data rows', async () => {
    const error = await rejection('name,phone\n\n');
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(/header row but no data rows/);
  });

  it('refuses a blank header, naming its column', async () => {
    const error = await rejection('name,,phone\nAda,x,1\n');
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      { path: ['file'], code: 'BLANK_HEADER', message: 'Column 2 has a blank header', params: { column: 2 } },
    ]);
  });

  it('refuses duplicate headers ignoring case and spaces, naming both columns', async () => {
    const error = await rejection('Email,name, EMAIL ,Name\na,b,c,d\n');
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.message)).toEqual([
      'Columns 1 and 3 have the same header "EMAIL"',
      'Columns 2 and 4 have the same header "Name"',
    ]);
    expect((error as ValidationError).issues.map((issue) => [issue.code, issue.params])).toEqual([
      ['DUPLICATE_HEADER', { header: 'EMAIL', columns: [1, 3] }],
      ['DUPLICATE_HEADER', { header: 'Name', columns: [2, 4] }],
    ]);
  });

  it.each([
    ['a PNG image', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), /PNG image/],
    ['an XLSX workbook (zip)', Buffer.concat([Buffer.from('504b030414000600', 'hex'), Buffer.from('[Content_Types].xml')]), /ZIP archive/],
    ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1'), /PDF/],
    ['a gzip archive', Buffer.from('1f8b0800000000000003', 'hex'), /gzip/],
    ['an old Excel file', Buffer.from('d0cf11e0a1b11ae1000000', 'hex'), /\.xls/],
    ['text with NUL bytes', Buffer.from('a,b\n1,\u0000\u0001\u0002\n', 'latin1'), /binary/],
  ])('refuses %s', async (_name, content, message) => {
    const error = await rejection(content);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(/not a CSV file/);
    expect(error.message).toMatch(message);
  });

  it('refuses more rows than the workspace limit', async () => {
    const error = await rejection('a\n1\n2\n3\n4\n', { maxRows: 3 });
    expect(error).toBeInstanceOf(LimitExceededError);
    expect((error as LimitExceededError).limit).toBe(3);
    expect(error.message).toBe('The file has more than 3 data rows, the workspace limit');
  });

  it('accepts exactly the row limit', async () => {
    const file = await fixture('a\n1\n2\n3\n');
    await expect(inspectCsv(file, { maxRows: 3 })).resolves.toMatchObject({ rowCount: 3 });
  });

  it('stops reading once the row limit is passed', async () => {
    // The file is broken at its end; a scan that stopped early never gets there.
    const error = await rejection(`a,b\n${'1,2\n'.repeat(10_000)}"never closed\n`, { maxRows: 100 });
    expect(error).toBeInstanceOf(LimitExceededError);
  });

  it('refuses a quote that is never closed, naming the line it starts on', async () => {
    const error = await rejection('a,b\n1,2\n\n3,"open\n4,5\n6,7\n');
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe('file: The file is not valid CSV: a quoted cell in the row starting on line 4 is never closed');
  });

  it(`refuses a row longer than ${MAX_ROW_BYTES / 1024 / 1024} MB rather than hold it in memory`, async () => {
    const error = await rejection(`a,b\n1,2\n3,"${'z'.repeat(MAX_ROW_BYTES + 10)}"\n`);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(/the row starting on line 3 is longer than 8 MB/);
  });
});

describe('memory', () => {
  it('reads a 50 MB file with flat memory', { timeout: 120_000 }, async () => {
    const file = path.join(dir, 'large.csv');
    const out = createWriteStream(file);
    const line = (index: number) =>
      `Person ${index},+1202555${String(index % 10_000).padStart(4, '0')},person${index}@example.com,"Street ${index}, Town",note\n`;
    let bytes = 0;
    let rowCount = 0;
    out.write('name,phone,email,address,notes\n');
    while (bytes < 50 * 1024 * 1024) {
      const text = line(rowCount++);
      bytes += text.length;
      if (!out.write(text)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');

    const before = process.memoryUsage().rss;
    let peak = before;
    const layout = await inspectCsv(file, { maxRows: 5_000_000 });
    expect(layout.rowCount).toBe(rowCount);
    let read = 0;
    let cells = 0;
    for await (const row of readCsvRows(file, layout)) {
      read += 1;
      cells += row.cells.length;
      if (read % 10_000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
    }
    expect(read).toBe(rowCount);
    expect(cells).toBe(rowCount * 5);
    const growth = (peak - before) / 1024 / 1024;
    console.log(
      `csv-source: ${rowCount} rows, ${(bytes / 1024 / 1024).toFixed(0)} MB; RSS ${(before / 1024 / 1024).toFixed(0)} MB before, peak growth ${growth.toFixed(1)} MB`,
    );
    // Holding the rows would cost several times the file's 50 MB; streaming stays at parser buffers and garbage.
    expect(growth).toBeLessThan(50);
  });
});
