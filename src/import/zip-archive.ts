import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { PassThrough, Transform, pipeline, type Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

/** One file of a ZIP archive, as its central directory declares it. */
export interface ZipEntry {
  name: string;
  /** 0: stored as is; 8: deflated. Nothing else is read. */
  method: number;
  flags: number;
  compressedSize: number;
  /** The size the directory declares once unpacked; reading counts the bytes and stops past it. */
  size: number;
  localHeaderOffset: number;
}

/** Why an archive cannot be read: damaged, or using something a workbook never does (several disks, encryption). */
export class ZipFormatError extends Error {}

/**
 * Past this many bytes the central directory is not read: it lists every entry in ~50 bytes plus
 * its name, and a workbook has tens or hundreds of entries, not hundreds of thousands.
 */
const MAX_DIRECTORY_BYTES = 16 * 1024 * 1024;

const END_OF_DIRECTORY = 0x06054b50;
const END_OF_DIRECTORY_SIZE = 22;
const ZIP64_END_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const LOCAL_HEADER_SIZE = 30;
const ZIP64_EXTRA = 0x0001;
const ENCRYPTED = 0x1;
const STORED = 0;
const DEFLATED = 8;

/**
 * A ZIP archive on disk, read from its central directory: entries are found by name and unpacked
 * one at a time, in any order, without unpacking the others. Unpacking counts the bytes and fails
 * one byte past the size the directory declares, so a directory that lies about an entry's size
 * cannot make it unpack to more than was checked before reading it.
 */
export class ZipArchive {
  /** Entries being unpacked, stopped by `close`. */
  private readonly streams = new Set<Readable>();

  private constructor(
    private readonly file: FileHandle,
    private readonly path: string,
    private readonly fileSize: number,
    readonly entries: ZipEntry[],
  ) {}

  /** Reads the archive's directory; throws `ZipFormatError` when there is no readable one. */
  static async read(path: string): Promise<ZipArchive> {
    const file = await open(path, 'r');
    try {
      const { size } = await file.stat();
      const entries = parseDirectory(await readDirectory(file, size));
      return new ZipArchive(file, path, size, entries);
    } catch (error) {
      await file.close();
      throw error;
    }
  }

  /** The first entry of that exact name. */
  entry(name: string): ZipEntry | undefined {
    return this.entries.find((entry) => entry.name === name);
  }

  /**
   * The entry's unpacked bytes. The stream fails with `ZipFormatError` when the entry is damaged or
   * unpacks to more than its declared size; destroying it stops the unpacking.
   */
  async unpack(entry: ZipEntry): Promise<Readable> {
    if (entry.flags & ENCRYPTED) throw new ZipFormatError(`the entry "${entry.name}" is encrypted`);
    if (entry.method !== STORED && entry.method !== DEFLATED)
      throw new ZipFormatError(`the entry "${entry.name}" uses compression method ${entry.method}`);
    const header = await readAt(this.file, entry.localHeaderOffset, LOCAL_HEADER_SIZE);
    if (header.length < LOCAL_HEADER_SIZE || header.readUInt32LE(0) !== LOCAL_HEADER)
      throw new ZipFormatError(`the entry "${entry.name}" has no local header`);
    const start = entry.localHeaderOffset + LOCAL_HEADER_SIZE + header.readUInt16LE(26) + header.readUInt16LE(28);
    if (start + entry.compressedSize > this.fileSize) throw new ZipFormatError(`the entry "${entry.name}" runs past the end of the file`);

    const raw: Readable = entry.compressedSize === 0 ? emptyStream() : createReadStream(this.path, { start, end: start + entry.compressedSize - 1 });
    let unpacked = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        unpacked += chunk.length;
        if (unpacked > entry.size)
          callback(new ZipFormatError(`the entry "${entry.name}" unpacks to more than the ${entry.size} bytes its directory declares`));
        else callback(null, chunk);
      },
    });
    // pipeline destroys every stage with the first failure, and destroying the counter stops the rest.
    const done = () => this.streams.delete(counter);
    if (entry.method === DEFLATED) pipeline(raw, createInflateRaw(), counter, done);
    else pipeline(raw, counter, done);
    this.streams.add(counter);
    return counter;
  }

  /** Stops whatever is still being unpacked and closes the file. */
  async close(): Promise<void> {
    for (const stream of this.streams) stream.destroy();
    this.streams.clear();
    await this.file.close();
  }
}

function emptyStream(): Readable {
  const stream = new PassThrough();
  stream.end();
  return stream;
}

/** The central directory's bytes and how many entries it says it holds. */
async function readDirectory(file: FileHandle, fileSize: number): Promise<{ bytes: Buffer; count: number }> {
  // The end record is the last 22 bytes, unless a comment of up to 65,535 bytes follows it.
  const tailLength = Math.min(fileSize, END_OF_DIRECTORY_SIZE + 0xffff);
  const tail = await readAt(file, fileSize - tailLength, tailLength);
  let at = -1;
  for (let index = tail.length - END_OF_DIRECTORY_SIZE; index >= 0; index--) {
    if (tail.readUInt32LE(index) === END_OF_DIRECTORY && index + END_OF_DIRECTORY_SIZE + tail.readUInt16LE(index + 20) <= tail.length) {
      at = index;
      break;
    }
  }
  if (at < 0) throw new ZipFormatError('it has no ZIP directory');
  const endOffset = fileSize - tailLength + at;
  if (tail.readUInt16LE(at + 4) !== 0 || tail.readUInt16LE(at + 6) !== 0) throw new ZipFormatError('it is one part of a multi-part archive');
  let count = tail.readUInt16LE(at + 10);
  let size = tail.readUInt32LE(at + 12);
  let offset = tail.readUInt32LE(at + 16);

  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    // A ZIP64 archive: its own end record, found through a locator just before the classic one.
    const locator = endOffset >= 20 ? await readAt(file, endOffset - 20, 20) : Buffer.alloc(0);
    if (locator.length === 20 && locator.readUInt32LE(0) === ZIP64_END_LOCATOR) {
      const record = await readAt(file, safeNumber(locator.readBigUInt64LE(8)), 56);
      if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_END_OF_DIRECTORY) throw new ZipFormatError('its ZIP64 directory record is missing');
      count = safeNumber(record.readBigUInt64LE(32));
      size = safeNumber(record.readBigUInt64LE(40));
      offset = safeNumber(record.readBigUInt64LE(48));
    }
  }
  if (size > MAX_DIRECTORY_BYTES) throw new ZipFormatError(`its ZIP directory is larger than ${MAX_DIRECTORY_BYTES / 1024 / 1024} MB`);
  if (offset + size > fileSize) throw new ZipFormatError('its ZIP directory runs past the end of the file');
  return { bytes: await readAt(file, offset, size), count };
}

function parseDirectory({ bytes, count }: { bytes: Buffer; count: number }): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let at = 0;
  while (entries.length < count) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new ZipFormatError('its ZIP directory is damaged');
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > bytes.length) throw new ZipFormatError('its ZIP directory is damaged');
    const entry: ZipEntry = {
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
    };
    applyZip64(entry, bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    entries.push(entry);
    at = next;
  }
  return entries;
}

/** A ZIP64 entry keeps each size or offset too large for 32 bits in an extra field, in this order. */
function applyZip64(entry: ZipEntry, extra: Buffer): void {
  const wide = (['size', 'compressedSize', 'localHeaderOffset'] as const).filter((key) => entry[key] === 0xffffffff);
  if (wide.length === 0) return;
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === ZIP64_EXTRA) {
      if (length < wide.length * 8 || at + 4 + length > extra.length) break;
      for (const [index, key] of wide.entries()) entry[key] = safeNumber(extra.readBigUInt64LE(at + 4 + index * 8));
      return;
    }
    at += 4 + length;
  }
  throw new ZipFormatError(`the entry "${entry.name}" lacks its ZIP64 sizes`);
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError('it declares an impossible size or offset');
  return Number(value);
}

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let read = 0;
  while (read < length) {
    const { bytesRead } = await file.read(buffer, read, length - read, position + read);
    if (bytesRead === 0) break;
    read += bytesRead;
  }
  return buffer.subarray(0, read);
}
