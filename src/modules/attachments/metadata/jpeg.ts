import { DamagedImage, orientationOnly, readOrientation } from './orientation.js';

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const APP0 = 0xe0;
const APP1 = 0xe1;
const APP2 = 0xe2;
const APP14 = 0xee;
const APP15 = 0xef;
const COM = 0xfe;
const EXIF_HEADER = Buffer.from('Exif\0\0', 'latin1');

const startsWith = (body: Buffer, prefix: string) => body.toString('latin1', 0, prefix.length) === prefix;
const standalone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);

/**
 * Which segments stay: everything that describes the image (tables, frame, scans, restart interval), and of the
 * application segments only JFIF (APP0), the ICC colour profile (APP2) and Adobe's colour transform (APP14).
 * Exif and XMP (APP1, with GPS position, camera, time and thumbnail), Photoshop/IPTC (APP13), every other APPn
 * and comments (COM) go.
 */
function keep(marker: number, body: Buffer): boolean {
  if (marker === COM) return false;
  if (marker < APP0 || marker > APP15) return true;
  return (marker === APP0 && startsWith(body, 'JFIF\0')) || (marker === APP2 && startsWith(body, 'ICC_PROFILE\0'))
    || (marker === APP14 && startsWith(body, 'Adobe'));
}

/** Where the entropy-coded data after an SOS header ends: the first marker that is not stuffing (FF00) or a restart. */
function endOfScan(b: Buffer, from: number): number {
  let i = from;
  for (;;) {
    i = b.indexOf(0xff, i);
    if (i < 0 || i + 1 >= b.length) throw new DamagedImage('scan runs past the end');
    const next = b[i + 1]!;
    if (next === 0xff) i += 1; // fill byte before a marker
    else if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) i += 2;
    else return i;
  }
}

const segment = (marker: number, body: Buffer) => {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
};

/** The JPEG without its metadata, bytes of the image unchanged; anything after the end-of-image marker is dropped. */
export function stripJpeg(b: Buffer): Buffer {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== SOI) throw new DamagedImage('no start of image');
  const kept: Buffer[] = [b.subarray(0, 2)];
  let orientation = 1;
  let exifAt = 1;
  let scans = 0;
  let pos = 2;
  for (;;) {
    if (pos + 1 >= b.length) throw new DamagedImage('no end of image');
    if (b[pos] !== 0xff) {
      // Extraneous bytes before a marker: decoders skip them (libjpeg warns), and so does the copy.
      pos = b.indexOf(0xff, pos);
      if (pos < 0) throw new DamagedImage('no end of image');
      continue;
    }
    while (b[pos + 1] === 0xff) pos++;
    const marker = b[pos + 1];
    if (marker === undefined) throw new DamagedImage('no end of image');
    if (marker === EOI) {
      kept.push(b.subarray(pos, pos + 2));
      break;
    }
    if (standalone(marker)) {
      kept.push(b.subarray(pos, pos + 2));
      pos += 2;
      continue;
    }
    if (marker === 0x00 || marker === SOI || pos + 4 > b.length) throw new DamagedImage(`bad marker at ${pos}`);
    const end = pos + 2 + b.readUInt16BE(pos + 2);
    if (end < pos + 4 || end > b.length) throw new DamagedImage(`segment at ${pos} runs past the end`);
    const body = b.subarray(pos + 4, end);
    if (marker === SOS) {
      const scanEnd = endOfScan(b, end);
      kept.push(b.subarray(pos, scanEnd));
      scans++;
      pos = scanEnd;
      continue;
    }
    if (marker === APP1 && orientation === 1 && startsWith(body, 'Exif\0\0')) orientation = readOrientation(body.subarray(6));
    if (keep(marker, body)) {
      kept.push(b.subarray(pos, end));
      // JFIF must stay right after the start of image; the orientation goes after it.
      if (marker === APP0 && kept.length === 2) exifAt = 2;
    }
    pos = end;
  }
  if (scans === 0) throw new DamagedImage('no scan');
  if (orientation !== 1) kept.splice(exifAt, 0, segment(APP1, Buffer.concat([EXIF_HEADER, orientationOnly(orientation)])));
  return Buffer.concat(kept);
}
