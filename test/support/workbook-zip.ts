import { crc32, deflateRawSync } from 'node:zlib';

/** One file of a ZIP archive built by `zipArchive`. */
export interface ZipInput {
  name: string;
  data: Buffer | string;
  /** Deflated unless `store`. */
  store?: boolean;
  /** The unpacked size written in the headers instead of the real one: a lying directory. */
  declaredSize?: number;
}

/** A ZIP archive's bytes, written as a spreadsheet writes them (local headers, then the central directory). */
export function zipArchive(inputs: ZipInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const input of inputs) {
    const data = Buffer.from(input.data);
    const packed = input.store ? data : deflateRawSync(data, { level: 9 });
    const name = Buffer.from(input.name);
    const size = input.declaredSize ?? data.length;
    const method = input.store ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(inputs.length, 8);
  end.writeUInt16LE(inputs.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * The parts of a one-sheet workbook named "People", around the sheet's XML (see `sheetXml`) and,
 * when given, a shared strings part; `sheet` and `sharedStrings` may override how those two parts
 * are packed (stored, or with a lying size).
 */
export function workbookParts(options: {
  sheet: string | Buffer;
  sharedStrings?: string | Buffer;
  sheetPart?: Partial<ZipInput>;
  sharedStringsPart?: Partial<ZipInput>;
}): ZipInput[] {
  return [
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="xml" ContentType="application/xml"/></Types>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><sheets><sheet name="People" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    { name: 'xl/worksheets/sheet1.xml', data: options.sheet, ...options.sheetPart },
    ...(options.sharedStrings === undefined ? [] : [{ name: 'xl/sharedStrings.xml', data: options.sharedStrings, ...options.sharedStringsPart }]),
    // Last, as spreadsheets write it (exceljs' own streaming reader could miss a last part that it reads).
    {
      name: 'docProps/app.xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"/>',
    },
  ];
}

/** A sheet's XML around rows already written as `<row>` elements. */
export function sheetXml(rows: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`;
}

/** A row of text cells written in the sheet itself, in columns A, B, …. */
export function inlineRow(rowNumber: number, cells: string[]): string {
  const xml = cells.map(
    (text, index) => `<c r="${String.fromCharCode(65 + index)}${rowNumber}" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`,
  );
  return `<row r="${rowNumber}">${xml.join('')}</row>`;
}

/** A shared strings part holding `strings`, the first numbered 0. */
export function sharedStringsXml(strings: string[]): string {
  return sharedStringsPart(strings.map((text) => `<si><t>${escapeXml(text)}</t></si>`).join(''));
}

/** A shared strings part around `<si>` elements already written. */
export function sharedStringsPart(items: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}">${items}</sst>`;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
