import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { finished, Readable } from 'node:stream';
import { tooLarge } from './import-rejected.js';

/** An uploaded file read by byte ranges: the workbook's directory sits at its end, so it has to be whole first. */
export interface UploadSource {
  size: number;
  /** The first bytes, to tell a workbook (PK) from JSON. */
  head: Buffer;
  read(start: number, length: number): Promise<Buffer>;
  /** Bytes [start, end) as a stream. */
  range(start: number, end: number): Readable;
  /** The whole file as text (JSON uploads). */
  text(): Promise<string>;
  remove(): Promise<void>;
}

export function bufferSource(data: Buffer, maxBytes: number): UploadSource {
  if (data.length > maxBytes) throw tooLarge(maxBytes);
  return {
    size: data.length,
    head: data.subarray(0, 64),
    read: async (start, length) => data.subarray(start, start + length),
    range: (start, end) => Readable.from(chunks(data.subarray(start, end)), { objectMode: false }),
    text: async () => data.toString('utf8'),
    remove: async () => undefined,
  };
}

/**
 * Ranges are read in pieces this big: the unzip stream takes up to 16 pieces ahead of the reader, so this bounds
 * how far past a row limit the file is read.
 */
const PIECE = 16 * 1024;

function* chunks(data: Buffer): Generator<Buffer> {
  for (let i = 0; i < data.length; i += PIECE) yield data.subarray(i, i + PIECE);
}

/**
 * Writes an upload to a temporary file as it arrives, counting: past `maxBytes` it answers 413 at once and
 * discards the rest of the upload (so the client can still read the answer), never holding the file in memory.
 */
export async function spoolUpload(source: Readable, maxBytes: number): Promise<UploadSource> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'onegrid-upload-'));
  const file = path.join(dir, 'upload');
  const remove = () => fs.promises.rm(dir, { recursive: true, force: true });
  try {
    const size = await writeCounted(source, file, maxBytes);
    // @fastify/multipart cuts a file at its own limit and marks it truncated.
    if ((source as { truncated?: boolean }).truncated) throw tooLarge(maxBytes);
    return fileSource(file, size, await readRange(file, 0, 64), remove);
  } catch (error) {
    await remove();
    throw error;
  }
}

/** Copies `source` into `file` with backpressure; past the limit it stops writing but lets the source run dry. */
function writeCounted(source: Readable, file: string, maxBytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream(file);
    let size = 0;
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      out.destroy();
      source.resume();
      reject(error);
    };
    source.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > maxBytes) return fail(tooLarge(maxBytes));
      if (!out.write(chunk)) {
        source.pause();
        out.once('drain', () => source.resume());
      }
    });
    // finished() also sees a source that failed before we listened: @fastify/multipart destroys the file stream of a
    // form cut short as soon as it notices, which may be while the route was still checking scope.
    finished(source, (error) => {
      if (error) return fail(error);
      if (!failed) out.end(() => resolve(size));
    });
    out.on('error', fail);
  });
}

function fileSource(file: string, size: number, head: Buffer, remove: () => Promise<void>): UploadSource {
  return {
    size,
    head,
    read: (start, length) => readRange(file, start, length),
    range: (start, end) => (end > start ? fs.createReadStream(file, { start, end: end - 1, highWaterMark: PIECE }) : Readable.from([])),
    text: () => fs.promises.readFile(file, 'utf8'),
    remove,
  };
}

async function readRange(file: string, start: number, length: number): Promise<Buffer> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, start);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
