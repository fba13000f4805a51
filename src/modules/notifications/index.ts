export { notificationsModule } from './manifest.js';
export { notify, type NewNotification } from './notify.js';
export { textResident } from './text-resident.js';
