import { defineMessages } from '../../core/i18n.js';

/** API keys' messages. */
export const apiKeyMsg = defineMessages({
  wrongPlaceLevel: { zh: '接口密钥只能发给区、街道或社区', en: 'A key is issued to a district, street or community' },
  alreadyRevoked: { zh: '该密钥已被吊销', en: 'This key is already revoked' },
});
