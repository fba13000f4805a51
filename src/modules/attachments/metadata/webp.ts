import { DamagedImage, orientationOnly, readOrientation } from './orientation.js';

/** The chunks that draw the image; EXIF, XMP and any unknown chunk go. */
const KEEP = new Set(['VP8X', 'ICCP', 'ANIM', 'ANMF', 'ALPH', 'VP8 ', 'VP8L']);
const EXIF_FLAG = 0x08;
const XMP_FLAG = 0x04;

const chunk = (type: string, data: Buffer) => {
  const head = Buffer.alloc(8);
  head.write(type, 0, 'latin1');
  head.writeUInt32LE(data.length, 4);
  return Buffer.concat([head, data, Buffer.alloc(data.length & 1)]);
};

/**
 * The WebP without its EXIF and XMP chunks, the VP8X flags saying so; anything after the RIFF size is dropped. Only
 * the extended format (VP8X) can carry metadata, and only it gets the orientation back.
 */
export function stripWebp(b: Buffer): Buffer {
  if (b.length < 20 || b.toString('latin1', 0, 4) !== 'RIFF' || b.toString('latin1', 8, 12) !== 'WEBP') throw new DamagedImage('no RIFF WEBP header');
  const riffEnd = 8 + b.readUInt32LE(4);
  if (riffEnd > b.length) throw new DamagedImage('RIFF runs past the end');
  const chunks: { type: string; data: Buffer }[] = [];
  let orientation = 1;
  let pos = 12;
  while (pos < riffEnd) {
    if (pos + 8 > riffEnd) throw new DamagedImage(`chunk header at ${pos} runs past the end`);
    const type = b.toString('latin1', pos, pos + 4);
    const size = b.readUInt32LE(pos + 4);
    if (pos + 8 + size > riffEnd) throw new DamagedImage(`chunk ${type} runs past the end`);
    const data = b.subarray(pos + 8, pos + 8 + size);
    if (type === 'EXIF' && orientation === 1) orientation = readOrientation(data.toString('latin1', 0, 6) === 'Exif\0\0' ? data.subarray(6) : data);
    if (KEEP.has(type)) chunks.push({ type, data });
    pos += 8 + size + (size & 1);
  }
  const first = chunks[0]?.type;
  if (first !== 'VP8X' && first !== 'VP8 ' && first !== 'VP8L') throw new DamagedImage('no image chunk first');
  const extended = first === 'VP8X';
  if (extended) {
    const vp8x = Buffer.from(chunks[0]!.data);
    if (vp8x.length < 10) throw new DamagedImage('short VP8X');
    vp8x[0] = (vp8x[0]! & ~(EXIF_FLAG | XMP_FLAG)) | (orientation !== 1 ? EXIF_FLAG : 0);
    chunks[0] = { type: 'VP8X', data: vp8x };
    if (orientation !== 1) chunks.push({ type: 'EXIF', data: orientationOnly(orientation) });
  }
  const body = Buffer.concat(chunks.map((c) => chunk(c.type, c.data)));
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(4 + body.length, 4);
  head.write('WEBP', 8, 'latin1');
  return Buffer.concat([head, body]);
}
