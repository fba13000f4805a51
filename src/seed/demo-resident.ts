/**
 * The demo resident's phone for the H5 pages (README, demo accounts): the building head filed 楼道灯不亮 for them from his
 * mailbox; it is resolved and waits for their rating. Its own file: the module seeds import it, and src/seed/demo.ts
 * imports the module seeds.
 */
export const DEMO_RESIDENT_PHONE = '13900001234';
