import { CrownOutlined, TeamOutlined } from '@ant-design/icons';
import type { Role } from '../../../../contracts/roles';
import { lazyNamed } from '../../app/lazy';
import type { WebModule } from '../../app/module';
import { en, zh } from './i18n';

const JointMeetingsPage = lazyNamed(() => import('./JointMeetingsPage'), 'JointMeetingsPage');
const JointMeetingPage = lazyNamed(() => import('./JointMeetingPage'), 'JointMeetingPage');
const SignInPage = lazyNamed(() => import('./SignInPage'), 'SignInPage');
const RotatingChairPage = lazyNamed(() => import('./RotatingChairPage'), 'RotatingChairPage');
const EvaluationPage = lazyNamed(() => import('./EvaluationPage'), 'EvaluationPage');

const READ = { subject: 'joint_meeting', action: 'read' };
const CHAIR = { subject: 'chair_month', action: 'read' };
/** The councils meet at streets and communities: their offices and the partner units' contacts, not a grid's workers. */
const COUNCIL: Role[] = ['district_admin', 'street_staff', 'community_worker', 'partner_contact'];

/** 联席会议 and 轮值主席: the meetings of the councils of partner units, a meeting's agenda, QR sign-in, minutes and decisions, the sign-in page a code opens, and the rotating chair's roster. */
export const jointMeetingsModule: WebModule<typeof zh> = {
  name: 'joint-meetings',
  routes: [
    { path: '/joint-meetings', element: <JointMeetingsPage />, shell: 'office', ability: READ },
    { path: '/joint-meetings/sign-in/:key', element: <SignInPage />, shell: 'office', ability: READ, titleKey: 'jointMeeting.signInTitle' },
    { path: '/joint-meetings/:id', element: <JointMeetingPage />, shell: 'office', ability: READ, titleKey: 'jointMeeting.meetingTitle' },
    { path: '/rotating-chair', element: <RotatingChairPage />, shell: 'office', ability: CHAIR },
    // The residents' rating page (/h5/chair-months/:id) is a light page (web/src/h5-light/ChairPage.tsx).
    { path: '/partner-units/:id/evaluation', element: <EvaluationPage />, shell: 'office', ability: { subject: 'partner_unit', action: 'read' }, titleKey: 'evaluation.pageTitle' },
  ],
  menu: [
    { key: '/joint-meetings', icon: <TeamOutlined />, labelKey: 'nav.jointMeetings', order: 27, roles: COUNCIL },
    { key: '/rotating-chair', icon: <CrownOutlined />, labelKey: 'nav.rotatingChair', order: 27, roles: COUNCIL },
  ],
  i18n: { 'zh-CN': zh, en },
};
