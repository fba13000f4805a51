import exifr from 'exifr';
import jpeg from 'jpeg-js';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tinyJpeg, tinyPng } from '../test-support.js';
import { DamagedImage, stripMetadata } from './index.js';
import { HOME, jpegWithMetadata, pngWithMetadata, SECRETS, tinySimpleWebp, tinyWebp, webpWithMetadata } from './test-images.js';

const leaks = (b: Buffer) => SECRETS.filter((s) => b.includes(Buffer.from(s)));
const pixels = (b: Buffer) => jpeg.decode(b, { useTArray: true });
/** What exifr (an independent reader) finds beside the pixels: EXIF, GPS, XMP, IPTC, text chunks; PNG's IHDR fields left out. */
const readMetadata = async (b: Buffer) => {
  const found = ((await exifr.parse(b, { tiff: true, gps: true, xmp: true, iptc: true, icc: false, jfif: false, ihdr: false })) ?? {}) as Record<string, unknown>;
  return found;
};
const segmentMarkers = (b: Buffer) => {
  const markers: number[] = [];
  for (let pos = 2; b[pos] === 0xff && b[pos + 1] !== 0xda; pos += 2 + b.readUInt16BE(pos + 2)) markers.push(b[pos + 1]!);
  return markers;
};
const pngChunks = (b: Buffer) => {
  const types: string[] = [];
  for (let pos = 8; pos < b.length; pos += 12 + b.readUInt32BE(pos)) types.push(b.toString('latin1', pos + 4, pos + 8));
  return types;
};
const webpChunks = (b: Buffer) => {
  const types: string[] = [];
  for (let pos = 12; pos < 8 + b.readUInt32LE(4); pos += 8 + b.readUInt32LE(pos + 4) + (b.readUInt32LE(pos + 4) & 1)) types.push(b.toString('latin1', pos, pos + 4));
  return types;
};

describe('stripping photo metadata', () => {
  it('takes Exif with GPS, XMP, IPTC, the comment and the trailer off a phone JPEG and keeps the image bytes', async () => {
    const sent = jpegWithMetadata();
    expect(await exifr.gps(sent)).toMatchObject({ latitude: expect.closeTo(HOME.latitude, 4), longitude: expect.closeTo(HOME.longitude, 4) });
    const kept = stripMetadata('image/jpeg', sent);
    expect(kept.equals(tinyJpeg())).toBe(true);
    expect(await exifr.gps(kept)).toBeUndefined();
    expect(await readMetadata(kept)).toEqual({});
    expect(leaks(kept)).toEqual([]);
    expect(pixels(kept)).toMatchObject({ width: 8, height: 8, data: pixels(sent).data });
  });

  it('keeps nothing but the orientation of a turned JPEG, so it still shows upright', async () => {
    const kept = stripMetadata('image/jpeg', jpegWithMetadata(6));
    expect(await readMetadata(kept)).toEqual({ Orientation: 'Rotate 90 CW' });
    expect(await exifr.orientation(kept)).toBe(6);
    expect(leaks(kept)).toEqual([]);
    expect(segmentMarkers(kept)).toEqual([0xe1, ...segmentMarkers(tinyJpeg())]);
    expect(pixels(kept).data).toEqual(pixels(tinyJpeg()).data);
  });

  it('keeps JFIF first, the ICC profile and Adobe segments, skips stray bytes, and drops metadata between scans without touching scan bytes', () => {
    const seg = (marker: number, body: string) => {
      const b = Buffer.from(body, 'latin1');
      const head = Buffer.from([0xff, marker, 0, 0]);
      head.writeUInt16BE(b.length + 2, 2);
      return Buffer.concat([head, b]);
    };
    const image = tinyJpeg();
    const eoi = image.length - 2;
    const jfif = seg(0xe0, 'JFIF\0\x01\x02\0\0\x01\0\x01\0\0');
    const icc = seg(0xe2, 'ICC_PROFILE\0\x01\x01profile');
    const adobe = seg(0xee, 'Adobe\0\x64\0\0\0\0\x01');
    // A second scan whose data holds stuffed bytes (FF00), a restart marker (FFD0) and a fill byte before EOI.
    const secondScan = Buffer.concat([image.subarray(image.indexOf(Buffer.from([0xff, 0xda])), image.indexOf(Buffer.from([0xff, 0xda])) + 10),
      Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0xff])]);
    const sent = Buffer.concat([image.subarray(0, 2), jfif, seg(0xe1, 'http://ns.adobe.com/xap/1.0/\0home'), icc, seg(0xe2, 'MPF\0II*\0home'), adobe,
      image.subarray(2, eoi), seg(0xfe, 'home'), seg(0xe1, 'http://ns.adobe.com/xap/1.0/\0home'), secondScan, image.subarray(eoi)]);
    const kept = stripMetadata('image/jpeg', sent);
    expect(kept.equals(Buffer.concat([image.subarray(0, 2), jfif, icc, adobe, image.subarray(2, eoi), secondScan, image.subarray(eoi)]))).toBe(true);

    const padded = Buffer.concat([image.subarray(0, 2), Buffer.from([0, 0]), seg(0xfe, 'home'), Buffer.from([0x20]), image.subarray(2)]);
    expect(stripMetadata('image/jpeg', padded).equals(image)).toBe(true);

    const turned = stripMetadata('image/jpeg', Buffer.concat([image.subarray(0, 2), jfif, jpegWithMetadata(3).subarray(2)]));
    expect(segmentMarkers(turned).slice(0, 2)).toEqual([0xe0, 0xe1]);
    expect(leaks(turned)).toEqual([]);
  });

  it('takes eXIf, text, time and private chunks off a PNG, keeping its pixel chunks byte for byte', async () => {
    expect(await exifr.gps(pngWithMetadata(undefined, false))).toMatchObject({ latitude: expect.closeTo(HOME.latitude, 4) });
    const kept = stripMetadata('image/png', pngWithMetadata());
    expect(kept.equals(tinyPng())).toBe(true);
    expect(await readMetadata(kept)).toEqual({});

    const turned = stripMetadata('image/png', pngWithMetadata(8));
    expect(pngChunks(turned)).toEqual(['IHDR', 'eXIf', 'IDAT', 'IEND']);
    expect(await readMetadata(turned)).toEqual({ Orientation: 'Rotate 270 CW' });
    expect(leaks(turned)).toEqual([]);
    const idat = (b: Buffer) => inflateSync(b.subarray(b.indexOf('IDAT') + 4, b.indexOf('IEND') - 8));
    expect(idat(turned).equals(idat(tinyPng()))).toBe(true);
  });

  it('takes EXIF and XMP chunks off a WebP and clears their VP8X flags; a simple WebP stays as it is', () => {
    const sent = webpWithMetadata();
    expect(webpChunks(sent)).toEqual(['VP8X', 'ALPH', 'VP8 ', 'EXIF', 'XMP ']);
    expect(stripMetadata('image/webp', sent).equals(tinyWebp())).toBe(true);
    expect(stripMetadata('image/webp', tinySimpleWebp()).equals(tinySimpleWebp())).toBe(true);

    const turned = stripMetadata('image/webp', webpWithMetadata(6));
    expect(webpChunks(turned)).toEqual(['VP8X', 'ALPH', 'VP8 ', 'EXIF']);
    expect(turned[20]! & 0x0c).toBe(0x08);
    expect(turned.readUInt32LE(4)).toBe(turned.length - 8);
    expect(leaks(turned)).toEqual([]);
    expect(turned.subarray(21, tinyWebp().length).equals(tinyWebp().subarray(21))).toBe(true);
  });

  it('refuses a file whose structure does not hold together rather than store it with its metadata', () => {
    const jpg = jpegWithMetadata();
    const damaged: [Parameters<typeof stripMetadata>[0], Buffer][] = [
      ['image/jpeg', jpg.subarray(0, jpg.indexOf(Buffer.from([0xff, 0xd9])))],
      ['image/jpeg', jpg.subarray(0, 30)],
      ['image/jpeg', Buffer.concat([tinyJpeg().subarray(0, 2), Buffer.from([0xff, 0xe1, 0xff, 0xff, 0x00])])],
      ['image/png', tinyPng().subarray(0, tinyPng().length - 12)],
      ['image/png', pngWithMetadata().subarray(0, 60)],
      ['image/webp', webpWithMetadata().subarray(0, 40)],
      ['image/webp', Buffer.concat([Buffer.from('RIFF\x0c\0\0\0WEBPEXIF\0\0\0\0', 'latin1')])],
    ];
    for (const [mime, data] of damaged) expect(() => stripMetadata(mime, data), `${mime} ${data.length}`).toThrow(DamagedImage);
  });
});
