/**
 * Every `code` the API answers with in `{ code, field, message }`. The server's AppError takes only these, so a new
 * code is listed here first; the web app may import the list to branch on codes.
 */
export const ERROR_CODES = [
  // Any route
  'invalid_input', 'invalid', 'required', 'conflict', 'not_found', 'forbidden', 'unauthenticated', 'stale_version',
  'illegal_transition', 'cross_origin', 'rate_limited', 'too_large', 'bad_request', 'internal',
  // Malformed requests: characters that cannot be stored, broken forms, addresses and headers
  'control_character', 'bad_multipart', 'bad_json', 'unsupported_media_type', 'bad_url', 'url_too_long', 'headers_too_large',
  'request_timeout',
  // Sign-in and accounts
  'bad_credentials', 'account_locked', 'username_taken', 'wrong_place_level', 'unit_needs_partner_contact',
  'code_rate_limited', 'code_invalid', 'code_expired', 'code_locked', 'code_wrong', 'invalid_api_key', 'already_revoked',
  'sms_unavailable',
  // Places and residents
  'wrong_parent_level', 'same_parent', 'place_level', 'place_too_high', 'outside_office',
  // Files, photos and ledger imports
  'file_required', 'bad_file', 'empty_file', 'import_rejected', 'import_raced', 'too_many_rows', 'multipart_required',
  'unexpected_file', 'photo_too_large', 'bad_photo_type', 'photo_damaged', 'too_many_photos', 'photos_required',
  // Demands and work orders
  'unknown_category', 'duplicate', 'code_taken', 'tracking_no_taken', 'bad_assignee', 'already_called', 'already_reported', 'unplaced', 'already_placed',
  'already_decided', 'extension_pending', 'extension_too_long', 'units_pending', 'not_consultation', 'target_closed',
  'scheduler_only', 'received_too_old', 'received_in_future',
  // Rows of a 12345 import that could not be placed
  'place_missing', 'place_not_found', 'place_unmatched', 'place_ambiguous',
  // The column mapping of a 12345 export
  'bad_mapping', 'mapping_incomplete', 'no_headers',
  // Announcements
  'not_published',
  // Place geometry
  'no_geometry', 'wrong_geometry_type', 'bad_coordinates', 'outside_china', 'ring_not_closed', 'self_intersection', 'invalid_polygon',
  'outside_parent', 'outside_outline', 'children_outside', 'feature_unmatched', 'feature_unreferenced', 'feature_duplicate', 'bad_crs',
  // Partner units and the three lists
  'no_agreement', 'no_capacity', 'resource_unavailable', 'member_unavailable', 'bad_merge',
  // Joint meetings and the rotating chair
  'not_invited', 'meeting_closed', 'no_minutes', 'already_rated', 'not_chair', 'bad_roster',
  // Service centres and service points
  'outside_place',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
