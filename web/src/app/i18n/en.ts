import type { Widen } from './types';
import type { zhCN } from './zh-CN';

/** The shell's texts in English. */
export const en: Widen<typeof zhCN> = {
  app: { name: 'OneGrid', tagline: 'Party-building-led grassroots governance', loading: 'Loading…' },
  nav: { menu: 'Menu' },
  lang: { zh: '中文', en: 'English', switch: 'Language' },
  common: {
    ok: 'OK', cancel: 'Cancel', save: 'Save', edit: 'Edit', search: 'Search', reset: 'Reset', close: 'Close', actions: 'Actions',
    yes: 'Yes', no: 'No', none: '—', total: '{total} in all', columns: 'Columns', columnsReset: 'Reset', saved: 'Saved', created: 'Created', reason: 'Reason',
    reasonPlaceholder: 'Give a reason (at least 2 characters)', reasonRequired: 'Give a reason (at least 2 characters)',
    required: 'Required', reveal: 'Reveal', revealTitle: 'Reveal {field}',
    revealHint: 'Revealing personal data is written to the audit log; say why.', timeline: 'Timeline',
    unknownError: 'Something went wrong; try again later', networkError: 'Network error; check your connection',
    notFound: 'The record does not exist or is outside your area', more: '{count} more; page through the list on the right',
    back: 'Back',
  },
  auth: {
    signOut: 'Sign out', changePassword: 'Change password', currentPassword: 'Current password', newPassword: 'New password',
    confirmPassword: 'Confirm new password', passwordMismatch: 'The new passwords do not match',
    passwordChanged: 'Password changed', signedOut: 'Signed out',
  },
  role: {
    district_admin: 'District admin', street_staff: 'Street staff', community_worker: 'Community worker',
    grid_worker: 'Grid worker', building_head: 'Building head', party_member: 'Party member',
    partner_contact: 'Partner unit contact', resident: 'Resident',
  },
};
