import fs from 'node:fs';
import { createRequire } from 'node:module';
import QRCode from 'qrcode';

// The CJK font ships with the app's dependencies (a system font may be missing where it runs); pdfkit embeds only the glyphs used.
const FONT_FILE = createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
let font: Buffer | undefined;
/** Noto Sans SC, read once: register it as a PDF's font for Chinese text. */
export const cjkFont = () => (font ??= fs.readFileSync(FONT_FILE));

export const A4 = { width: 595.28, height: 841.89 };

/** A QR code as vector squares: sharp at any print size, and a few bytes each. */
export function drawQrCode(doc: PDFKit.PDFDocument, text: string, x: number, y: number, side: number) {
  const code = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = code.modules.size;
  const quiet = 2;
  const cell = side / (n + 2 * quiet);
  doc.save().fillColor('black');
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (code.modules.get(row, col)) doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, cell, cell);
    }
  }
  doc.fill().restore();
}

/** Collects a pdfkit document into one buffer once `end()` is called. */
export function pdfBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  return new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
}
