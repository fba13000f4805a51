import { enWorkOrders } from './en-work-orders';
import type { Dictionary } from './types';

export const en: Dictionary = {
  app: { name: 'OneGrid', tagline: 'Party-building-led grassroots governance', loading: 'Loading…' },
  nav: { places: 'Places', accounts: 'Accounts', audit: 'Audit log', menu: 'Menu', workOrders: 'Work orders', rates: 'Three rates' },
  lang: { zh: '中文', en: 'English', switch: 'Language' },
  common: {
    ok: 'OK', cancel: 'Cancel', save: 'Save', edit: 'Edit', search: 'Search', reset: 'Reset', close: 'Close',
    actions: 'Actions', yes: 'Yes', no: 'No', none: '—', total: '{total} in all', saved: 'Saved', created: 'Created',
    reason: 'Reason', reasonPlaceholder: 'Give a reason (at least 2 characters)', reasonRequired: 'Give a reason (at least 2 characters)',
    required: 'Required', reveal: 'Reveal', revealTitle: 'Reveal {field}', revealHint: 'Revealing personal data is written to the audit log; say why.',
    timeline: 'Timeline', unknownError: 'Something went wrong; try again later', networkError: 'Network error; check your connection',
    notFound: 'The record does not exist or is outside your area', more: '{count} more; page through the list on the right', back: 'Back',
  },
  auth: {
    title: 'Sign in', username: 'Username', password: 'Password', signIn: 'Sign in', signOut: 'Sign out',
    changePassword: 'Change password', currentPassword: 'Current password', newPassword: 'New password',
    confirmPassword: 'Confirm new password', passwordMismatch: 'The new passwords do not match',
    passwordChanged: 'Password changed', signedOut: 'Signed out',
  },
  role: {
    district_admin: 'District admin', street_staff: 'Street staff', community_worker: 'Community worker', grid_worker: 'Grid worker',
    building_head: 'Building head', party_member: 'Party member', partner_contact: 'Partner unit contact', resident: 'Resident',
  },
  level: { district: 'District', street: 'Street', community: 'Community', grid: 'Grid', compound: 'Compound', building: 'Building', household: 'Household' },
  compoundType: {
    no_property_management: 'No property management', property_managed: 'Property-managed', enterprise: 'Enterprise / factory dormitory',
    mixed_use: 'Mixed commercial-residential', scattered: 'Scattered households',
  },
  place: {
    tree: 'Place tree', searchPlaceholder: 'Search places by name', name: 'Name', level: 'Level', code: 'Code',
    compoundType: 'Compound type', threeNo: 'Three-no compound', threeNoTag: 'Three-no', address: 'Address',
    revealAddress: 'Reveal address', children: 'Places under it', noChildren: 'No places under it yet', create: 'Add child',
    createTitle: 'New {level}', edit: 'Edit', editTitle: 'Edit {name}', move: 'Move', moveTitle: 'Move {name}',
    newParent: 'New grid', newParentPlaceholder: 'Search grids by name', exportRoster: 'Export roster', importRoster: 'Import roster',
    created: 'Created', updated: 'Saved', moved: 'Moved', changeReason: 'Reason for the change (optional)',
    selectPlace: 'Choose a place', childrenCount: '{count} under it',
  },
  count: { community: 'Communities', grid: 'Grids', compound: 'Compounds', building: 'Buildings', household: 'Households', residents: 'Residents' },
  roster: {
    title: 'Import roster', choose: 'Choose an .xlsx file', uploading: 'Uploading', processing: 'The server is checking and importing…',
    hint: 'Headers: 楼栋, 房号, 姓名, 性别, 与户主关系, 手机号, 身份证号. If any row is bad, nothing is imported.',
    badRows: 'These rows are wrong; nothing was imported', row: 'Row', field: 'Field', reason: 'Reason', done: 'Import finished',
    summary: 'Created {buildings} buildings, {households} households, {residents} residents; updated {updated} residents',
    fields: { building: 'Building', household: 'Room', name: 'Name', gender: 'Gender', relation: 'Relation to head', phone: 'Phone', idNumber: 'ID number', file: 'File' },
  },
  resident: {
    title: 'Residents', add: 'Add resident', edit: 'Edit resident', name: 'Name', relation: 'Relation to head', gender: 'Gender',
    phone: 'Phone', idNumber: 'ID number', created: 'Resident added', updated: 'Saved', keepHint: 'Leave empty to keep',
  },
  relation: {
    head: 'Head', spouse: 'Spouse', child: 'Child', parent: 'Parent', grandchild: 'Grandchild', sibling: 'Sibling', tenant: 'Tenant', other: 'Other',
  },
  gender: { male: 'Male', female: 'Female' },
  timeline: { title: 'Timeline', empty: 'Nothing recorded yet', by: 'By', reason: 'Reason' },
  action: {
    sign_in_failed: 'Failed sign-in',
    create: 'Created', update: 'Updated', move: 'Moved', reveal: 'Revealed personal data', import_roster: 'Imported roster',
    export_roster: 'Exported roster', sign_in: 'Signed in', file: 'Filed', accept: 'Accepted', dispatch: 'Dispatched', take: 'Taken', resolve: 'Resolved', rate: 'Rated', follow_up: 'Followed up', supervise: 'Supervised', call_in: 'Called in', return: 'Returned', contact: 'Contacted', sign_out: 'Signed out', change_password: 'Changed password',
    lock: 'Locked', unlock: 'Unlocked', disable: 'Disabled',
    reject: 'Rejected', answer: 'Answered', report_in: 'Reported in', request_extension: 'Requested an extension', decide_extension: 'Decided on the extension',
    merge: 'Merged as a duplicate', add_photos: 'Added photos', overdue: 'Went overdue', comment: 'Outside system note', import: 'Imported',
    import_division: 'Imported division', issue: 'Issued', revoke: 'Revoked', set: 'Set',
  },
  entity: { place: 'Place', resident: 'Resident', user: 'Account' },
  field: {
    failedLogins: 'Failed attempts', lockedUntil: 'Locked until',
    name: 'Name', level: 'Level', parentId: 'Parent', compoundType: 'Compound type', threeNo: 'Three-no', address: 'Address', path: 'Path',
    displayName: 'Display name', disabled: 'Disabled', roles: 'Roles', password: 'Password', phone: 'Phone', idNumber: 'ID number',
    gender: 'Gender', relation: 'Relation', field: 'Field', rows: 'Rows', created: 'Created', updated: 'Updated', username: 'Username',
    unitId: 'Unit', state: 'State', note: 'Note', result: 'Result', rating: 'Rating', mergedInto: 'Merged into', trackingNo: 'Tracking no.', days: 'Extra days',
    approved: 'Approved', resolveDue: 'Resolve by', units: 'Called-in units', supervised: 'Supervised', reopened: 'Reopened', stage: 'Stage', photoIds: 'Photos', assignee: 'Assignee',
  },
  user: {
    title: 'Accounts', create: 'New account', edit: 'Edit account', username: 'Username', displayName: 'Display name',
    password: 'Initial password', resetPassword: 'Reset password', resetPasswordHint: 'Leave empty to keep', disabled: 'Disable account',
    status: 'Status', active: 'Active', locked: 'Locked', disabledTag: 'Disabled', roles: 'Roles', role: 'Role', place: 'Place',
    addRole: 'Add role', unit: 'Unit', unitHint: 'The partner unit or department this contact speaks for; called-in orders reach them through it', unitPlaceholder: 'Pick a department or partner unit', searchPlaceholder: 'Search username or name', created: 'Account created', updated: 'Saved', createdAt: 'Created',
  },
  audit: {
    title: 'Audit log', actor: 'Person', actorPlaceholder: 'Username', entityType: 'Record type', entityId: 'Record id',
    action: 'Action', timeRange: 'Time range', at: 'Time', record: 'Record', detail: 'Change details', from: 'Before', to: 'After',
  },
  ...enWorkOrders,
};
