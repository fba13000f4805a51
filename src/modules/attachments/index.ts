export { attachmentsModule } from './manifest.js';
export { countAttachments, findAttachment, findAttachmentById, firstAttachments, latestAttachmentIdSql, listAttachments, sendAttachment, type AttachmentRow } from './queries.js';
export { readUpload, type UploadedFile } from './read-upload.js';
export {
  checkPhotos, MAX_PHOTO_BYTES, MAX_PHOTOS, saveAttachments, tooMany, uploadRoot, withAttachmentFiles, type AttachmentOwner, type CheckedPhoto,
  type StagedFile,
} from './storage.js';
export { sweepAttachmentFiles, type SweepResult } from './sweep.js';
