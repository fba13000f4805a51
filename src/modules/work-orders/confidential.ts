import type { PersonalDataCipher } from '../../core/personal-data.js';
import type { WorkOrderRow } from './queries.js';

/**
 * The reporter's name as stored: in clear on an ordinary order; on a confidential one (是否保密) only encrypted, so no
 * list, export, search or timeline can carry it, and the office reveals it like the phone (audited).
 */
export function reporterColumns(cipher: PersonalDataCipher, name: string | null, confidential: boolean): Pick<WorkOrderRow, 'reporter_name' | 'reporter_name_enc' | 'confidential'> {
  if (!confidential) return { reporter_name: name, reporter_name_enc: null, confidential: 0 };
  return { reporter_name: null, reporter_name_enc: name ? cipher.encrypt(name) : null, confidential: 1 };
}
