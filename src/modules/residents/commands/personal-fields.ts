import type { PersonalDataCipher } from '../../../core/personal-data.js';
import { mask } from '../../../core/personal-data.js';
import type { ResidentRow } from '../queries.js';

type PersonalColumns = Partial<Pick<ResidentRow, 'phone_enc' | 'phone_masked' | 'phone_index' | 'id_number_enc' | 'id_number_masked'>>;

/** The stored columns for a phone and an ID number: ciphertext, masked copy, and a blind index for look-ups by phone. */
export function personalColumns(cipher: PersonalDataCipher, phone: string | null | undefined, idNumber: string | null | undefined): PersonalColumns {
  return {
    ...(phone === undefined
      ? {}
      : phone === null
        ? { phone_enc: null, phone_masked: null, phone_index: null }
        : { phone_enc: cipher.encrypt(phone), phone_masked: mask('phone', phone), phone_index: cipher.blindIndex(phone) }),
    ...(idNumber === undefined
      ? {}
      : idNumber === null
        ? { id_number_enc: null, id_number_masked: null }
        : { id_number_enc: cipher.encrypt(idNumber), id_number_masked: mask('idNumber', idNumber) }),
  };
}
