import type { TestApp } from '../../test/harness.js';
import { sql } from 'kysely';
import { crc32, deflateSync } from 'node:zlib';

const u32 = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32BE(n); return b; };
const u16 = (n: number) => { const b = Buffer.alloc(2); b.writeUInt16BE(n); return b; };

/** A real 1×1 PNG of one colour. */
export function tinyPng(rgb: [number, number, number] = [200, 30, 30]): Buffer {
  const chunk = (type: string, data: Buffer) => Buffer.concat([u32(data.length), Buffer.from(type), data, u32(crc32(Buffer.concat([Buffer.from(type), data])))]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', Buffer.concat([u32(1), u32(1), Buffer.from([8, 2, 0, 0, 0])])),
    chunk('IDAT', deflateSync(Buffer.from([0, ...rgb]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A real 8×8 grey baseline JPEG: one block, DC difference 0 and end-of-block, each a one-bit Huffman code. */
export function tinyJpeg(): Buffer {
  const segment = (marker: number, body: Buffer) => Buffer.concat([Buffer.from([0xff, marker]), u16(body.length + 2), body]);
  const oneCodeTable = (tableClass: number) => Buffer.concat([Buffer.from([tableClass << 4]), Buffer.from([1, ...new Array(15).fill(0)]), Buffer.from([0])]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)])),
    segment(0xc0, Buffer.concat([Buffer.from([8]), u16(8), u16(8), Buffer.from([1, 1, 0x11, 0])])),
    segment(0xc4, oneCodeTable(0)),
    segment(0xc4, oneCodeTable(1)),
    segment(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0])),
    Buffer.from([0b00111111]),
    Buffer.from([0xff, 0xd9]),
  ]);
}

export interface FormFile {
  field?: string;
  filename: string;
  type: string;
  data: Buffer;
}

/** A multipart/form-data body with text fields and files, as the H5 page's form sends it. */
export function multipartForm(fields: Record<string, string>, files: FormFile[] = []) {
  const boundary = '----onegridphotos';
  const parts = [
    ...Object.entries(fields).map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)),
    ...files.flatMap((f) => [
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? 'photos'}"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`),
      f.data,
      Buffer.from('\r\n'),
    ]),
    Buffer.from(`--${boundary}--\r\n`),
  ];
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * Makes the database itself refuse attachment rows while `run` runs (a trigger, not a stub), then lifts the refusal. As the
 * tables' owner: the app's role may not add triggers.
 */
export async function whilePhotoRowsRefused<T>(t: TestApp, run: () => Promise<T>): Promise<T> {
  const db = t.owner;
  const pg = t.ctx.handle.dialect === 'postgres';
  if (pg) {
    await sql`create or replace function refuse_photo() returns trigger language plpgsql as $$ begin raise exception 'refused'; end $$`.execute(db);
    await sql`create trigger refuse_photo before insert on attachments for each row execute function refuse_photo()`.execute(db);
  } else {
    await sql`create trigger refuse_photo before insert on attachments begin select raise(abort, 'refused'); end`.execute(db);
  }
  try {
    return await run();
  } finally {
    await sql`drop trigger refuse_photo${pg ? sql` on attachments` : sql``}`.execute(db);
  }
}

/** Photos that carry metadata (GPS, XMP, comments) and what must never survive in a stored copy. */
export { HOME, jpegWithMetadata, pngWithMetadata, SECRETS, tinyWebp, webpWithMetadata } from './metadata/test-images.js';
