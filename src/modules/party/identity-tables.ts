/**
 * The public key of a compound's or a building's QR code (码上通: both open the compound's page) or of a post holder's
 * card (亮身份): random, so no id is shown.
 */
export interface PartyPublicKeyTable {
  key: string;
  subject_type: 'compound' | 'building' | 'member';
  subject_id: string;
  /** The compound whose page opens (for a building, its compound), or the member's place. */
  place_id: string;
  place_path: string;
  created_at: string;
}

/** A message left through a card's "contact me": to the member, seen by them and their community; written once. */
export interface PartyContactMessageTable {
  id: string;
  member_id: string;
  place_id: string;
  place_path: string;
  sender_name: string;
  text: string;
  created_at: string;
}

export interface PartyIdentityTables {
  party_public_keys: PartyPublicKeyTable;
  party_contact_messages: PartyContactMessageTable;
}

declare module '../../core/schema.js' {
  interface Database extends PartyIdentityTables {}
}
