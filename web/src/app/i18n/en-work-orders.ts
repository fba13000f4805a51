import type { Dictionary } from './types';

type Part = Pick<Dictionary, 'workOrder' | 'workOrderState' | 'channel' | 'demandType' | 'rating' | 'step' | 'rates' | 'h5'>;

/** The work-order, three-rates and resident H5 texts in English; spread into en.ts. */
export const enWorkOrders: Part = {
  workOrder: {
    pageTitle: 'Respond on receipt', inbox: 'Work orders', mine: 'Waiting on me', all: 'All', overdue: 'Overdue', file: 'File a demand', fileTitle: 'File a demand',
    trackingNo: 'Tracking no.', externalNo: '12345 order no.', channel: 'Channel', demandType: 'Demand type', category: 'Category', place: 'Place',
    state: 'State', light: 'Deadline', title: 'Title', description: 'Description', address: 'Address', reporterName: 'Reporter',
    reporterPhone: 'Phone', receivedAt: 'Received', resolveDue: 'Resolve by', assignee: 'Assignee', result: 'Result',
    rating: 'Rating', ratingComment: 'Comment', supervised: 'Supervised', reopened: 'Reopened {count}×', filters: 'Filters',
    anyState: 'Any state', anyCategory: 'Any category', anyChannel: 'Any channel', searchPlaceholder: 'Title or tracking no.',
    empty: 'No work orders', filed: 'Filed as {trackingNo}', done: 'Done', stale: 'Someone else changed this order; reloaded',
    units: 'Called-in units', extensions: 'Extension requests', photos: 'Photos', timeline: 'Timeline', detail: 'Work order',
    unitKind: 'Unit', userKind: 'Person', assigneeKind: 'Dispatch to', assigneeTarget: 'Assignee', note: 'Note',
    reason: 'Reason', days: 'Extra days', approve: 'Approve', refuse: 'Refuse', decision: 'Decision', requestId: 'Extension request', intoId: 'Merge into',
    intoHint: 'Search by title or tracking no.; the duplicate goes into the order chosen', mergedInto: 'Merged into', duplicates: 'Duplicates merged in', workingDays: 'working days',
    extensionHint: 'Now due {due}', extensionDays: '{days} more working days', part: 'What your unit did',
    unitKinds: { department: 'Departments', partner_unit: 'Partner units' }, notReported: 'Not reported in',
    unitsPending: 'Called-in units yet to report in: {units}. The order can be resolved once all have.', photoStage: { report: 'Reported', resolve: 'Work done' },
    addPhotos: 'Add photos of the work', photosAdded: 'Photos uploaded', photosLeft: '{count} more allowed', pickPhotos: 'Pick a photo',
    loadMore: 'Load more', noPhotos: 'No photos yet; add them as the work goes on',
    unitIds: 'Units', reportedAt: 'Reported in', calledAt: 'Called in', notifications: 'Notifications', noNotifications: 'No notifications',
    revealPhone: 'Phone', pickPlace: 'Search a compound, building or grid', resolvePhotos: 'Resolution photos', upload: 'Upload photos',
    lights: { green: 'On time', yellow: 'Due soon', red: 'Overdue' },
    extensionState: { pending: 'Pending', approved: 'Approved', refused: 'Refused' },
  },
  workOrderState: {
    received: 'Received', accepted: 'Accepted', dispatched: 'Dispatched', taken: 'In progress', resolved: 'Resolved', followed_up: 'Followed up',
    closed: 'Closed', rejected: 'Rejected', merged: 'Merged',
  },
  channel: {
    hotline_12345: '12345 hotline', h5: 'Resident H5', mailbox: 'Building mailbox', grid_patrol: 'Grid patrol', wechat_group: 'WeChat group',
    walk_in: 'Walk-in', open311: 'Open311',
  },
  demandType: { consultation: 'Consultation', help: 'Help', complaint: 'Complaint', report: 'Report', suggestion: 'Suggestion', praise: 'Praise' },
  rating: { satisfied: 'Satisfied', basically_satisfied: 'Basically satisfied', not_satisfied: 'Not satisfied' },
  step: {
    accept: 'Accept', reject: 'Reject', answer: 'Answer', dispatch: 'Dispatch', take: 'Take', return: 'Return', contact: 'Contact',
    resolve: 'Resolve', follow_up: 'Follow up', rate: 'Rate', supervise: 'Supervise', call_in: 'Call in', report_in: 'Report in',
    request_extension: 'Request extension', decide_extension: 'Decide extension', merge: 'Merge',
  },
  rates: {
    title: 'Three rates', month: 'Month', street: 'Streets', community: 'Communities', department: 'Departments', name: 'Office', received: 'Received',
    responded: 'Responded', responseRate: 'Response', due: 'Due', resolved: 'Resolved', resolutionRate: 'Resolution', rated: 'Rated',
    satisfied: 'Satisfied', basicallySatisfied: 'Basically', notSatisfied: 'Not satisfied', satisfactionRate: 'Satisfaction', score: 'Score',
    rank: 'Rank', export: 'Export Excel', trend: 'Score trend of {name}', ordersBehind: '{name} · {figure}', publicTitle: 'Public ranking', notRanked: 'Nothing to count this month: not ranked',
    weights: 'Weights: response {response}, resolution {resolution}, satisfaction {satisfaction}',
  },
  h5: {
    title: 'Report a problem', phone: 'Mobile', code: 'Code', sendCode: 'Send code', codeSent: 'Code sent', signIn: 'Sign in',
    signOut: 'Sign out', compound: 'Compound', searchCompound: 'Type the compound name', building: 'Building (optional)', category: 'Category',
    type: 'Type', titleField: 'Title', description: 'Description', photos: 'Photos (up to 6)', submit: 'Submit',
    submitted: 'Submitted', trackingNo: 'Your tracking number', myDemands: 'My demands', newDemand: 'Report', progress: 'Progress',
    rate: 'Rate', rateTitle: 'Rate the result', comment: 'Comment (optional)', rated: 'Thank you for rating', reopened: 'Reopened',
    empty: 'No demands yet', result: 'Result',
    steps: {
      filed: 'Filed', accepted: 'Accepted', dispatched: 'Dispatched', taken: 'Taken', contacted: 'Contacted', resolved: 'Resolved',
      followed_up: 'Followed up', rated: 'Rated', answered: 'Answered', rejected: 'Rejected', merged: 'Merged',
    },
  },
};
