import type { FastifyRequest } from 'fastify';
import { AppError, invalid } from '../../core/errors.js';
import { refuseUnstorable } from '../../core/http.js';
import { MAX_PHOTO_BYTES, MAX_PHOTOS, tooMany } from './storage.js';
import { attachmentMsg } from './messages.js';
import { msg } from '../../core/i18n.js';

export interface UploadedFile {
  filename: string;
  declaredMime: string;
  data: Buffer;
}

/**
 * Reads a multipart form into its text fields and the files of `fileField` (each at most MAX_PHOTO_BYTES, at most
 * MAX_PHOTOS), held in memory until checked so that a rejected upload writes nothing.
 */
export async function readUpload(req: FastifyRequest, fileField = 'photos'): Promise<{ fields: Record<string, string>; files: UploadedFile[] }> {
  if (!req.isMultipart()) {
    throw new AppError(415, 'multipart_required', attachmentMsg.multipartRequired);
  }
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  try {
    const parts = req.parts({ limits: { fileSize: MAX_PHOTO_BYTES, files: MAX_PHOTOS, fields: 20, fieldSize: 16 * 1024 } });
    for await (const part of parts) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      const data = await part.toBuffer();
      // A browser sends an empty part for a file input left blank.
      if (data.length === 0 && !part.filename) continue;
      if (part.fieldname !== fileField) throw invalid(part.fieldname, msg(attachmentMsg.unexpectedFile, { field: fileField }), 'unexpected_file');
      files.push({ filename: part.filename, declaredMime: part.mimetype, data });
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw invalid('photos', attachmentMsg.photoTooLarge, 'photo_too_large');
    if (code === 'FST_FILES_LIMIT') throw tooMany();
    throw error;
  }
  // Text fields of a multipart form reach no route schema before this: the same check as every query and JSON body.
  await refuseUnstorable(fields);
  return { fields, files };
}
