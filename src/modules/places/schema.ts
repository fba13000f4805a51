import { z } from 'zod';
import { bilingual, ZId, ZReason, ZVersion, ZPage } from '../../core/validation.js';
import { COMPOUND_TYPES, PLACE_LEVELS } from './tables.js';
import { placeMsg } from './messages.js';
import { bilingualMsg } from '../../core/i18n.js';

const ZName = z.string().trim().min(1, bilingualMsg(placeMsg.nameRequired)).max(100);
const ZAddress = z.string().trim().min(2).max(200);

export const ZCreatePlace = z.object({
  parentId: ZId,
  level: z.enum(['grid', 'compound', 'building', 'household']),
  name: ZName,
  compoundType: z.enum(COMPOUND_TYPES).optional(),
  threeNo: z.boolean().optional(),
  address: ZAddress.optional(),
});
export type TCreatePlace = z.infer<typeof ZCreatePlace>;

export const ZUpdatePlace = z.object({
  version: ZVersion,
  name: ZName.optional(),
  compoundType: z.enum(COMPOUND_TYPES).optional(),
  threeNo: z.boolean().optional(),
  address: ZAddress.nullable().optional(),
  reason: z.string().trim().max(500).optional(),
});
export type TUpdatePlace = z.infer<typeof ZUpdatePlace>;

export const ZMovePlace = z.object({ version: ZVersion, newParentId: ZId, reason: ZReason });
export type TMovePlace = z.infer<typeof ZMovePlace>;

export const ZRevealPlace = z.object({ field: z.literal('address'), reason: ZReason });

export const ZPlaceParams = z.object({ id: ZId });
export const ZChildrenQuery = z.object({
  ...ZPage(200, 500).shape,
});
export const ZSearchQuery = z.object({
  q: z.string().trim().min(1).max(50),
  level: z.enum(PLACE_LEVELS).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const ZPlace = z.object({
  id: z.string(),
  placeId: z.string(),
  parentId: z.string().nullable(),
  level: z.enum(PLACE_LEVELS),
  name: z.string(),
  code: z.string().nullable(),
  path: z.string(),
  depth: z.number(),
  compoundType: z.enum(COMPOUND_TYPES).nullable(),
  threeNo: z.boolean(),
  addressMasked: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TPlace = z.infer<typeof ZPlace>;
