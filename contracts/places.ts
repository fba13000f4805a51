/** The one net, top to bottom. */
export const PLACE_LEVELS = ['district', 'street', 'community', 'grid', 'compound', 'building', 'household'] as const;
export type PlaceLevel = (typeof PLACE_LEVELS)[number];

/** 无物业 / 有物业 / 企业(厂区)宿舍 / 商住混合 / 散居户. */
export const COMPOUND_TYPES = ['no_property_management', 'property_managed', 'enterprise', 'mixed_use', 'scattered'] as const;
export type CompoundType = (typeof COMPOUND_TYPES)[number];

export const RELATIONS = ['head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'tenant', 'other'] as const;
export type Relation = (typeof RELATIONS)[number];
