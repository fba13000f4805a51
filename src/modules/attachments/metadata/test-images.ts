import { crc32 } from 'node:zlib';
import { tinyJpeg, tinyPng } from '../test-support.js';

/** Where the test photos claim they were taken: a home in 三水区 (23.1666° N, 112.8957° E). */
export const HOME = { latitude: 23.1666, longitude: 112.8957 };
/** Text that must not survive: the camera, the position written out, the address in a caption. */
export const SECRETS = ['Apple', 'iPhone', '23.1666', '112.8957', '西南街道', 'home'];

const BYTE = 1;
const ASCII = 2;
const SHORT = 3;
const LONG = 4;
const RATIONAL = 5;
interface Entry { tag: number; type: number; count: number; value: Buffer }

const ascii = (tag: number, s: string): Entry => ({ tag, type: ASCII, count: Buffer.byteLength(s) + 1, value: Buffer.from(`${s}\0`) });
const short = (tag: number, n: number): Entry => {
  const value = Buffer.alloc(2);
  value.writeUInt16BE(n);
  return { tag, type: SHORT, count: 1, value };
};
const long = (tag: number, n: number): Entry => {
  const value = Buffer.alloc(4);
  value.writeUInt32BE(n);
  return { tag, type: LONG, count: 1, value };
};
/** Degrees as degrees, minutes and hundredths of seconds, the way phones write them. */
const dms = (tag: number, degrees: number): Entry => {
  const d = Math.floor(degrees);
  const m = Math.floor((degrees - d) * 60);
  const s = Math.round(((degrees - d) * 60 - m) * 60 * 100);
  const value = Buffer.alloc(24);
  [[d, 1], [m, 1], [s, 100]].forEach(([n, div], i) => { value.writeUInt32BE(n!, i * 8); value.writeUInt32BE(div!, i * 8 + 4); });
  return { tag, type: RATIONAL, count: 3, value };
};

/** One big-endian IFD at offset `at`, its longer values right after it. */
function ifd(entries: Entry[], at: number): Buffer {
  const size = 2 + entries.length * 12 + 4;
  const dir = Buffer.alloc(size);
  const data: Buffer[] = [];
  let dataAt = at + size;
  dir.writeUInt16BE(entries.length, 0);
  entries.forEach((e, i) => {
    const o = 2 + i * 12;
    dir.writeUInt16BE(e.tag, o);
    dir.writeUInt16BE(e.type, o + 2);
    dir.writeUInt32BE(e.count, o + 4);
    if (e.value.length <= 4) {
      e.value.copy(dir, o + 8);
    } else {
      dir.writeUInt32BE(dataAt, o + 8);
      const padded = Buffer.concat([e.value, Buffer.alloc(e.value.length & 1)]);
      data.push(padded);
      dataAt += padded.length;
    }
  });
  return Buffer.concat([dir, ...data]);
}

/** A phone's EXIF (TIFF structure): camera, optional orientation, and a GPS IFD with the home's position. */
export function exifWithGps(orientation?: number): Buffer {
  const gps = [
    { tag: 0x0000, type: BYTE, count: 4, value: Buffer.from([2, 3, 0, 0]) },
    ascii(0x0001, 'N'), dms(0x0002, HOME.latitude), ascii(0x0003, 'E'), dms(0x0004, HOME.longitude),
  ];
  const first = (gpsAt: number) => [ascii(0x010f, 'Apple'), ascii(0x0110, 'iPhone 15'), ...(orientation ? [short(0x0112, orientation)] : []), long(0x8825, gpsAt)];
  const ifd0Length = ifd(first(0), 8).length;
  const header = Buffer.from([0x4d, 0x4d, 0, 42, 0, 0, 0, 8]);
  return Buffer.concat([header, ifd(first(8 + ifd0Length), 8), ifd(gps, 8 + ifd0Length)]);
}

const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description
  xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="23,9.996N" exif:GPSLongitude="112,53.742E"
  xmlns:dc="http://purl.org/dc/elements/1.1/" dc:description="${HOME.latitude},${HOME.longitude} 西南街道 home"/></rdf:RDF></x:xmpmeta>`;

const jpegSegment = (marker: number, body: Buffer) => {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
};

/**
 * tinyJpeg() as a phone would send it: Exif with GPS (APP1), XMP (APP1), Photoshop/IPTC (APP13), a comment, and a
 * trailer after the end of image (as motion photos append theirs).
 */
export function jpegWithMetadata(orientation?: number): Buffer {
  const image = tinyJpeg();
  return Buffer.concat([
    image.subarray(0, 2),
    jpegSegment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifWithGps(orientation)])),
    jpegSegment(0xe1, Buffer.from(`http://ns.adobe.com/xap/1.0/\0${xmp}`)),
    jpegSegment(0xed, Buffer.from('Photoshop 3.0\x008BIM\x04\x04\0\0\0\0\0\x14西南街道 home caption')),
    jpegSegment(0xfe, Buffer.from(`home ${HOME.latitude},${HOME.longitude}`)),
    image.subarray(2),
    Buffer.from(`MotionPhoto home ${HOME.latitude}`),
  ]);
}

const pngChunk = (type: string, data: Buffer) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])));
  return Buffer.concat([length, Buffer.from(type, 'latin1'), data, crc]);
};

/** tinyPng() with eXIf (GPS), tEXt, zTXt, iTXt (XMP) and tIME chunks, a private chunk, and (with `trailer`) bytes after IEND. */
export function pngWithMetadata(orientation?: number, trailer = true): Buffer {
  const image = tinyPng();
  const ihdrEnd = 8 + 25;
  return Buffer.concat([
    image.subarray(0, ihdrEnd),
    pngChunk('eXIf', exifWithGps(orientation)),
    pngChunk('tEXt', Buffer.from(`Comment\0home ${HOME.latitude},${HOME.longitude}`, 'latin1')),
    pngChunk('zTXt', Buffer.concat([Buffer.from('Software\0\0', 'latin1'), Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])])),
    pngChunk('iTXt', Buffer.from(`XML:com.adobe.xmp\0\0\0\0\0${xmp}`)),
    pngChunk('tIME', Buffer.from([0x07, 0xea, 3, 1, 8, 0, 0])),
    pngChunk('prVt', Buffer.from('iPhone 15 home')),
    image.subarray(ihdrEnd),
    Buffer.from(trailer ? 'home' : ''),
  ]);
}

/** A real 1×1 WebP in the extended format (VP8X, alpha, lossy), as libwebp writes it. */
export const tinyWebp = () => Buffer.from('UklGRkoAAABXRUJQVlA4WAoAAAAQAAAAAAAAAAAAQUxQSAwAAAARBxAR/Q9ERP8DAABWUDggGAAAABQBAJ0BKgEAAQAAAP4AAA3AAP7mtQAAAA==', 'base64');
/** A real 1×1 lossless WebP in the simple format (one VP8L chunk, no room for metadata). */
export const tinySimpleWebp = () => Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');

const riffChunk = (type: string, data: Buffer) => {
  const head = Buffer.alloc(8);
  head.write(type, 0, 'latin1');
  head.writeUInt32LE(data.length, 4);
  return Buffer.concat([head, data, Buffer.alloc(data.length & 1)]);
};

/** tinyWebp() with EXIF (GPS; odd-sized, so padded) and XMP chunks, the VP8X flags saying so, and bytes after the RIFF. */
export function webpWithMetadata(orientation?: number): Buffer {
  const image = tinyWebp();
  const exif = exifWithGps(orientation);
  const odd = exif.length % 2 ? exif : Buffer.concat([exif, Buffer.from('x')]);
  const body = Buffer.concat([image.subarray(12), riffChunk('EXIF', odd), riffChunk('XMP ', Buffer.from(xmp))]);
  const flagged = Buffer.from(body);
  flagged[8] = flagged[8]! | 0x08 | 0x04;
  const head = Buffer.from(image.subarray(0, 12));
  head.writeUInt32LE(4 + flagged.length, 4);
  return Buffer.concat([head, flagged, Buffer.from('home')]);
}
