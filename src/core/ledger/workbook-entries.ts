import { PassThrough, Transform, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import { badFile, unpacksTooLarge } from './import-rejected.js';
import type { UploadSource } from './upload.js';
import { core } from '../messages.js';

export interface ZipEntry {
  name: string;
  method: number;
  offset: number;
  compressed: number;
}

export const notWorkbook = () => badFile(core.notWorkbook);

/** The entries of the zip's central directory, at its end (no zip64: uploads are far below 4 GB). */
export async function readDirectory(source: UploadSource): Promise<Map<string, ZipEntry>> {
  const tailLength = Math.min(source.size, 22 + 0xffff);
  const tail = await source.read(source.size - tailLength, tailLength);
  const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > tail.length) throw notWorkbook();
  const count = tail.readUInt16LE(eocd + 10);
  const length = tail.readUInt32LE(eocd + 12);
  const start = tail.readUInt32LE(eocd + 16);
  if (start + length > source.size) throw notWorkbook();
  const dir = await source.read(start, length);
  const entries = new Map<string, ZipEntry>();
  for (let p = 0, i = 0; i < count; i++) {
    if (p + 46 > dir.length || dir.readUInt32LE(p) !== 0x02014b50) throw notWorkbook();
    const nameLength = dir.readUInt16LE(p + 28);
    const name = dir.toString('utf8', p + 46, p + 46 + nameLength).replace(/^\//, '');
    const entry = { name, method: dir.readUInt16LE(p + 10), compressed: dir.readUInt32LE(p + 20), offset: dir.readUInt32LE(p + 42) };
    if (entry.offset + entry.compressed > start || (entry.method !== 0 && entry.method !== 8)) throw notWorkbook();
    entries.set(name, entry);
    p += 46 + nameLength + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
  }
  return entries;
}

/**
 * One entry unpacked and decoded as UTF-8 text, as it is read. Decoding across chunk boundaries keeps a Chinese
 * character that straddles two chunks whole; past `maxBytes` unpacked (a zip bomb) it fails with 413.
 */
export async function openEntry(source: UploadSource, entry: ZipEntry, maxBytes: number): Promise<Readable> {
  const header = await source.read(entry.offset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== 0x04034b50) throw notWorkbook();
  const dataStart = entry.offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const unpack = entry.method === 8 ? zlib.createInflateRaw() : new PassThrough();
  let unpacked = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      unpacked += chunk.length;
      done(unpacked > maxBytes ? unpacksTooLarge() : null, chunk);
    },
  });
  const raw = source.range(dataStart, dataStart + entry.compressed);
  const fail = (error: Error) => limit.destroy(error instanceof Error && 'statusCode' in error ? error : notWorkbook());
  raw.on('error', fail);
  unpack.on('error', fail);
  const text = raw.pipe(unpack).pipe(limit);
  text.setEncoding('utf8');
  text.on('close', () => raw.destroy());
  return text;
}
