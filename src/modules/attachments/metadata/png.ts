import { crc32 } from 'node:zlib';
import { DamagedImage, orientationOnly, readOrientation } from './orientation.js';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The chunks that stay: the critical ones, those that change how the pixels look (transparency, colour, gamma,
 * background, physical size) and APNG's animation chunks. Text (tEXt, zTXt, iTXt: XMP, comments, software),
 * eXIf, tIME and every private or unknown chunk go.
 */
const KEEP = new Set([
  'IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'cHRM', 'gAMA', 'iCCP', 'sBIT', 'sRGB', 'cICP', 'mDCV', 'cLLI', 'bKGD', 'hIST',
  'pHYs', 'sPLT', 'acTL', 'fcTL', 'fdAT',
]);

const chunk = (type: string, data: Buffer) => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
};

/** The PNG without its metadata chunks, the kept chunks byte for byte; anything after IEND is dropped. */
export function stripPng(b: Buffer): Buffer {
  if (!b.subarray(0, 8).equals(SIGNATURE)) throw new DamagedImage('no PNG signature');
  const kept: Buffer[] = [SIGNATURE];
  let orientation = 1;
  let firstIdat = -1;
  let pos = 8;
  for (;;) {
    if (pos + 12 > b.length) throw new DamagedImage('no IEND');
    const length = b.readUInt32BE(pos);
    const type = b.toString('latin1', pos + 4, pos + 8);
    const end = pos + 12 + length;
    if (length > 0x7fffffff || end > b.length) throw new DamagedImage(`chunk ${type} runs past the end`);
    if (kept.length === 1 && type !== 'IHDR') throw new DamagedImage('IHDR is not first');
    if (type === 'eXIf' && orientation === 1) orientation = readOrientation(b.subarray(pos + 8, pos + 8 + length));
    if (KEEP.has(type)) {
      if (type === 'IDAT' && firstIdat < 0) firstIdat = kept.length;
      kept.push(b.subarray(pos, end));
    }
    pos = end;
    if (type === 'IEND') break;
  }
  if (firstIdat < 0) throw new DamagedImage('no IDAT');
  // Browsers read eXIf only before the image data.
  if (orientation !== 1) kept.splice(firstIdat, 0, chunk('eXIf', orientationOnly(orientation)));
  return Buffer.concat(kept);
}
