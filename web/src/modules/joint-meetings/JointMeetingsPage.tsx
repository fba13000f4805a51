import { Card, List, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ListPage } from '../../app/components/ListPage';
import { useLoad } from '../../app/hooks/useLoad';
import { useT } from '../../app/i18n/I18nProvider';
import { useSession } from '../../app/session/SessionProvider';
import { MEETING_STATES, type MeetingState } from '../../../../contracts/joint-meetings';
import { meetingsApi, type Meeting, type MeetingTask } from './api';
import { localTime } from '../timeline/format';
import { PlanMeeting } from './PlanMeeting';

const PAGE = 20;
export const meetingColor = (s: MeetingState) => (s === 'minutes_published' ? 'green' : s === 'cancelled' ? 'default' : s === 'held' ? 'blue' : 'gold');

/** A task's state as a tag: done, overdue or open. */
export function TaskTag({ task }: { task: Pick<MeetingTask, 'state' | 'overdue'> }) {
  const t = useT();
  if (task.state === 'done') return <Tag color="green" data-testid="task-state">{t('jointMeeting.done')}</Tag>;
  return task.overdue ? <Tag color="red" data-testid="task-state">{t('jointMeeting.overdue')}</Tag> : <Tag color="blue" data-testid="task-state">{t('jointMeeting.open')}</Tag>;
}

/** The open decisions the caller sees (a unit's contact: their unit's), due first. */
function OpenTasks() {
  const t = useT();
  const tasks = useLoad(() => meetingsApi.tasks({ state: 'open' }), []);
  return (
    <Card size="small" title={t('jointMeeting.tasks')} style={{ marginTop: 12 }} data-testid="meeting-tasks">
      <List<MeetingTask> loading={tasks.loading} dataSource={tasks.data?.items ?? []} locale={{ emptyText: t('jointMeeting.noTasks') }}
        renderItem={(x) => (
          <List.Item data-testid="task-row">
            <Space wrap><Link to={`/joint-meetings/${x.meetingId}`}>{x.title}</Link><span>{x.unitName}</span><span>{t('jointMeeting.due')} {x.dueOn}</span><TaskTag task={x} /></Space>
          </List.Item>
        )} />
    </Card>
  );
}

/** 联席会议: the meetings the caller sees, the latest first; an office plans one; the open decisions below. */
export function JointMeetingsPage() {
  const t = useT();
  const { can, me } = useSession();
  const [state, setState] = useState<MeetingState>();
  const [page, setPage] = useState(1);
  const list = useLoad(() => meetingsApi.list({ state, limit: PAGE, offset: (page - 1) * PAGE }), [state, page]);
  const home = me?.roles.find((r) => r.placeLevel === 'community' || r.placeLevel === 'street');
  const PlanButton = can('joint_meeting', 'plan') ? <PlanMeeting place={home && { id: home.placeId, name: home.placeName }} /> : null;
  return (
    <>
      <ListPage<Meeting> title={t('jointMeeting.title')} rowKey="id" items={list.data?.items ?? []} loading={list.loading} empty={t('jointMeeting.empty')}
        paging={{ page, pageSize: PAGE, total: list.data?.total ?? 0, onPage: setPage }} testIds={{ page: 'meetings-page', table: 'meetings-table' }}
        extra={PlanButton}
        filters={<Select allowClear placeholder={t('jointMeeting.state')} style={{ width: 160 }} value={state} onChange={(v) => { setState(v); setPage(1); }}
          options={MEETING_STATES.map((s) => ({ value: s, label: t(`jointMeeting.states.${s}`) }))} />}
        onRow={(m) => ({ 'data-testid': 'meeting-row', 'data-id': m.id }) as React.HTMLAttributes<HTMLElement>}
        card={(m) => <Link to={`/joint-meetings/${m.id}`} data-testid="meeting-card">{m.title} <Tag color={meetingColor(m.state)}>{t(`jointMeeting.states.${m.state}`)}</Tag></Link>}
        columns={[
          { title: t('jointMeeting.name'), dataIndex: 'title', render: (v: string, m) => <Link to={`/joint-meetings/${m.id}`}>{v}</Link> },
          { title: t('jointMeeting.place'), dataIndex: 'placeName' },
          { title: t('jointMeeting.plannedAt'), dataIndex: 'plannedAt', render: (v: string) => localTime(v) },
          { title: t('jointMeeting.venue'), dataIndex: 'venue' },
          { title: t('jointMeeting.state'), dataIndex: 'state', render: (s: MeetingState) => <Tag color={meetingColor(s)}>{t(`jointMeeting.states.${s}`)}</Tag> },
        ]} />
      <OpenTasks />
    </>
  );
}
