import { defineMessages } from '../../core/i18n.js';

/** Attachments' messages: uploads and photos. */
export const attachmentMsg = defineMessages({
  multipartRequired: { zh: '请以表单(multipart/form-data)提交', en: 'Send the form as multipart/form-data' },
  unexpectedFile: { zh: '不支持的上传字段', en: 'Upload files in the field "{field}"' },
  photoTooLarge: { zh: '每张照片不能超过5MB', en: 'Each photo may be at most 5 MB' },
  badPhotoType: { zh: '照片只能是 JPG、PNG 或 WebP 图片', en: 'A photo must be a JPEG, PNG or WebP image' },
  photoDamaged: { zh: '照片文件已损坏或不完整,请重新拍摄或选择', en: 'The photo is damaged or incomplete; take or choose it again' },
  tooManyPhotos: { zh: '最多上传{max}张照片', en: 'At most {max} photos' },
});
