import { stripJpeg } from './jpeg.js';
import { stripPng } from './png.js';
import { stripWebp } from './webp.js';

export { DamagedImage } from './orientation.js';

/**
 * The photo without what it says beside its pixels: EXIF (GPS position of the resident's home, camera, time,
 * thumbnail), XMP, IPTC, comments and text chunks. The image data is kept byte for byte, so nothing is re-encoded;
 * an EXIF orientation is kept alone so a turned phone photo still shows upright. Throws DamagedImage when the file's
 * structure does not hold together.
 */
export function stripMetadata(mime: 'image/jpeg' | 'image/png' | 'image/webp', data: Buffer): Buffer {
  if (mime === 'image/jpeg') return stripJpeg(data);
  if (mime === 'image/png') return stripPng(data);
  return stripWebp(data);
}
