import { z } from 'zod';
import { bilingual, ZId, ZIdNumber, ZPhone, ZReason, ZVersion, ZPage } from '../../core/validation.js';
import { RELATIONS } from './tables.js';
import { residentMsg } from './messages.js';
import { bilingualMsg } from '../../core/i18n.js';

const ZName = z.string().trim().min(1, bilingualMsg(residentMsg.nameRequired)).max(50);

export const ZCreateResident = z.object({
  householdId: ZId,
  name: ZName,
  gender: z.enum(['male', 'female']).nullable().optional(),
  relation: z.enum(RELATIONS),
  phone: ZPhone.optional(),
  idNumber: ZIdNumber.optional(),
});
export type TCreateResident = z.infer<typeof ZCreateResident>;

export const ZUpdateResident = z.object({
  version: ZVersion,
  name: ZName.optional(),
  gender: z.enum(['male', 'female']).nullable().optional(),
  relation: z.enum(RELATIONS).optional(),
  phone: ZPhone.nullable().optional(),
  idNumber: ZIdNumber.nullable().optional(),
  reason: z.string().trim().max(500).optional(),
});
export type TUpdateResident = z.infer<typeof ZUpdateResident>;

export const ZRevealResident = z.object({ field: z.enum(['phone', 'idNumber']), reason: ZReason });

export const ZResidentsQuery = z.object({
  placeId: ZId.optional(),
  q: z.string().trim().max(50).optional(),
  ...ZPage(50, 200).shape,
});
