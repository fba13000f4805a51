import { z } from 'zod';
import { ZFileDemand } from '../work-orders/index.js';
import { DEMAND_TYPES } from '../../../contracts/work-orders.js';
import { h5Msg } from './messages.js';
import { bilingualMsg } from '../../core/i18n.js';

/** One-time codes go by SMS, so a mainland mobile number only. */
export const ZMobile = z.string().trim().regex(/^1[3-9]\d{9}$/, bilingualMsg(h5Msg.badMobile));

export const ZRequestCode = z.object({ phone: ZMobile });
export const ZResidentLogin = z.object({
  phone: ZMobile,
  code: z.string().trim().regex(/^\d{6}$/, bilingualMsg(h5Msg.badCode)),
});

export const ZH5Locate = z.object({ lat: z.coerce.number().min(-90).max(90), long: z.coerce.number().min(-180).max(180) });

export const ZPlaceSearch = z.object({ q: z.string().trim().min(1, bilingualMsg(h5Msg.searchRequired)).max(50) });

/** The H5 form: the resident's phone comes from the session, the channel is always h5. */
export const ZH5Demand = ZFileDemand.pick({ categoryId: true, placeId: true, title: true, description: true })
  .extend({ demandType: z.enum(DEMAND_TYPES).default('help') });
export type TH5Demand = z.infer<typeof ZH5Demand>;

export const ZDemandList = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});

export { parseForm } from '../../core/validation.js';
