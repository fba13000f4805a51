import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Descriptions, Form, Input, List, Modal, Row, Select, Space, Spin, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { validated } from '../../app/forms';
import { useLoad } from '../../app/hooks/useLoad';
import { useNotify } from '../../app/hooks/useNotify';
import { useT } from '../../app/i18n/I18nProvider';
import type { MeetingAction } from '../../../../contracts/joint-meetings';
import { localTime } from '../timeline/format';
import { TimelineDrawer } from '../timeline/TimelineDrawer';
import { meetingsApi, type MeetingDetail, type MeetingTask } from './api';
import { meetingColor, TaskTag } from './JointMeetingsPage';

interface MinutesValues { minutes: string; decisions?: { title: string; unitId: string; dueOn: Dayjs }[] }

/** The minutes and the decisions that become tasks, each with its unit (one of those invited) and due date. */
function MinutesForm({ meeting }: { meeting: MeetingDetail }) {
  const t = useT();
  const units = meeting.invitations.map((i) => ({ value: i.unitId, label: i.unitName }));
  return (
    <>
      <Form.Item name="minutes" label={t('jointMeeting.minutes')} rules={[{ required: true, min: 10, message: t('jointMeeting.required') }]}>
        <Input.TextArea rows={6} maxLength={10000} data-testid="meeting-minutes" />
      </Form.Item>
      <Form.List name="decisions">
        {(fields, { add, remove }) => (
          <Form.Item label={t('jointMeeting.decisions')}>
            {fields.map((f) => (
              <Space key={f.key} align="start" wrap style={{ display: 'flex', marginBottom: 6 }} data-testid="decision-row">
                <Form.Item name={[f.name, 'title']} rules={[{ required: true, min: 2, message: t('jointMeeting.required') }]} noStyle>
                  <Input maxLength={80} style={{ width: 240 }} placeholder={t('jointMeeting.decision')} data-testid="decision-title" />
                </Form.Item>
                <Form.Item name={[f.name, 'unitId']} rules={[{ required: true, message: t('jointMeeting.required') }]} noStyle>
                  <Select style={{ width: 180 }} placeholder={t('jointMeeting.owner')} options={units} data-testid="decision-unit" />
                </Form.Item>
                <Form.Item name={[f.name, 'dueOn']} rules={[{ required: true, message: t('jointMeeting.required') }]} noStyle>
                  <DatePicker placeholder={t('jointMeeting.due')} data-testid="decision-due" />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} data-testid="decision-add">{t('jointMeeting.addDecision')}</Button>
          </Form.Item>
        )}
      </Form.List>
    </>
  );
}

/** A decision's row: its unit, due date and state; its unit's contact (or an office) completes it with a note. */
function TaskRow({ task, onDone }: { task: MeetingTask; onDone: () => void }) {
  const t = useT();
  const { error, success } = useNotify();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const complete = async () => {
    try { await meetingsApi.completeTask(task.id, { version: task.version, note }); success(t('jointMeeting.saved')); setOpen(false); onDone(); } catch (e) { error(e); }
  };
  return (
    <List.Item data-testid="task-row" data-title={task.title}
      actions={task.actions.includes('complete') ? [<Button key="c" size="small" data-testid="task-complete" onClick={() => setOpen(true)}>{t('jointMeeting.complete')}</Button>] : []}>
      <List.Item.Meta title={<Space wrap>{task.title}<TaskTag task={task} /></Space>}
        description={<>{task.unitName} · {t('jointMeeting.due')} {task.dueOn}{task.doneNote && ` · ${task.doneNote}`}</>} />
      <Modal open={open} title={t('jointMeeting.complete')} onCancel={() => setOpen(false)} onOk={complete} okText={t('common.ok')} cancelText={t('common.cancel')}
        okButtonProps={{ disabled: note.trim().length < 2, 'data-testid': 'task-complete-ok' } as never}>
        <Input.TextArea rows={3} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('jointMeeting.note')} data-testid="task-note" />
      </Modal>
    </List.Item>
  );
}

/** A joint meeting: what, when and where, its agenda, who signed in (and the code to sign in), the minutes and decisions, the steps. */
export function JointMeetingPage() {
  const t = useT();
  const { id = '' } = useParams();
  const { error, success } = useNotify();
  const meeting = useLoad(() => meetingsApi.get(id), [id]);
  const [asking, setAsking] = useState<MeetingAction>();
  const [timeline, setTimeline] = useState(false);
  const [form] = Form.useForm<MinutesValues & { reason?: string }>();
  if (!meeting.data) return <Spin style={{ display: 'block', marginTop: 60 }} />;
  const m = meeting.data;
  const take = async (action: MeetingAction, v: Partial<MinutesValues & { reason: string }> = {}) => {
    try {
      if (action === 'publish_minutes') {
        await meetingsApi.publishMinutes(m.id, { version: m.version, minutes: v.minutes!, decisions: (v.decisions ?? []).map((d) => ({ title: d.title, unitId: d.unitId, dueOn: d.dueOn.format('YYYY-MM-DD') })) });
      } else await meetingsApi.step(m.id, action, { version: m.version, ...(action === 'cancel' ? { reason: v.reason } : {}) });
      success(t('jointMeeting.saved'));
      setAsking(undefined);
      meeting.reload();
    } catch (e) { error(e); }
  };
  const signed = m.invitations.filter((i) => i.signedInAt).length;
  // The code signs units in while the meeting is planned or held.
  const code = m.signInUrl && (m.state === 'planned' || m.state === 'held') ? m.signInUrl : null;
  return (
    <div data-testid="meeting-detail" data-state={m.state}>
      <Link to="/joint-meetings">{t('jointMeeting.back')}</Link>
      <Card style={{ marginTop: 8 }} title={<Space wrap>{m.title}<Tag color={meetingColor(m.state)} data-testid="meeting-state">{t(`jointMeeting.states.${m.state}`)}</Tag></Space>}
        extra={<Space wrap>
          {m.actions.map((a) => (
            <Button key={a} type={a === 'cancel' ? 'default' : 'primary'} danger={a === 'cancel'} data-testid={`meeting-${a}`}
              onClick={() => (a === 'hold' ? void take(a) : (form.resetFields(), setAsking(a)))}>{t(`jointMeeting.steps.${a}`)}</Button>
          ))}
          {m.mayConvene && m.state === 'minutes_published' && <Button href={meetingsApi.pdfHref(m.id)} data-testid="meeting-pdf">{t('jointMeeting.downloadPdf')}</Button>}
          {m.mayConvene && <Button onClick={() => setTimeline(true)}>{t('jointMeeting.timeline')}</Button>}
        </Space>}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('jointMeeting.place')}>{m.placeName}</Descriptions.Item>
          <Descriptions.Item label={t('jointMeeting.plannedAt')}>{localTime(m.plannedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('jointMeeting.venue')}>{m.venue}</Descriptions.Item>
          <Descriptions.Item label={t('jointMeeting.convenor')}>{m.convenorName}</Descriptions.Item>
          {m.heldAt && <Descriptions.Item label={t('jointMeeting.heldAt')}>{localTime(m.heldAt)}</Descriptions.Item>}
          {m.cancelReason && <Descriptions.Item label={t('jointMeeting.cancelReason')}>{m.cancelReason}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Row gutter={12}>
        <Col xs={24} md={code ? 16 : 24}>
          <Card size="small" title={t('jointMeeting.agenda')} style={{ marginTop: 12 }}>
            <ol style={{ margin: 0, paddingLeft: 20 }} data-testid="meeting-agenda">
              {m.items.map((i) => <li key={i.id} data-testid="agenda-item">{i.title}{i.needId && <> <Link to={`/needs/${i.needId}`}><Tag color="orange">{t('jointMeeting.needItem')}</Tag></Link></>}</li>)}
            </ol>
          </Card>
          <Card size="small" title={`${t('jointMeeting.attendance')} ${signed}/${m.invitations.length}`} style={{ marginTop: 12 }}>
            <List dataSource={m.invitations} size="small" renderItem={(i) => (
              <List.Item data-testid="attendance-row" data-unit={i.unitName}>
                <span>{i.unitName}</span>
                {i.signedInAt ? <Tag color="green" data-testid="attendance-state">{t('jointMeeting.signedIn')} {localTime(i.signedInAt)}</Tag>
                  : <Tag data-testid="attendance-state">{t('jointMeeting.notSignedIn')}</Tag>}
              </List.Item>
            )} />
          </Card>
        </Col>
        {code && (
          <Col xs={24} md={8}>
            <Card size="small" title={t('jointMeeting.signInCode')} style={{ marginTop: 12, textAlign: 'center' }}>
              <img src={meetingsApi.qrHref(m.id)} alt={t('jointMeeting.signInCode')} style={{ width: 200, height: 200 }} data-testid="meeting-qr" />
              <Typography.Paragraph type="secondary">{t('jointMeeting.signInHint')}</Typography.Paragraph>
              <Typography.Link href={code} copyable={{ text: code }} data-testid="meeting-sign-in-link">{t('jointMeeting.signInLink')}</Typography.Link>
            </Card>
          </Col>
        )}
      </Row>
      {m.minutes && (
        <Card size="small" title={t('jointMeeting.minutes')} style={{ marginTop: 12 }}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="meeting-minutes-text">{m.minutes}</Typography.Paragraph>
        </Card>
      )}
      {(m.tasks.length > 0 || m.state === 'minutes_published') && (
        <Card size="small" title={t('jointMeeting.decisions')} style={{ marginTop: 12 }}>
          <List dataSource={m.tasks} locale={{ emptyText: t('jointMeeting.noTasks') }} renderItem={(x) => <TaskRow task={x} onDone={meeting.reload} />} />
        </Card>
      )}
      <Modal open={Boolean(asking)} title={asking && t(`jointMeeting.steps.${asking}`)} onCancel={() => setAsking(undefined)} destroyOnHidden width={asking === 'publish_minutes' ? 760 : 520}
        okText={t('common.ok')} cancelText={t('common.cancel')} okButtonProps={{ 'data-testid': 'meeting-step-ok' } as never}
        onOk={async () => { const v = await validated(form); if (v && asking) await take(asking, v); }}>
        <Form form={form} layout="vertical" preserve={false}>
          {asking === 'publish_minutes' && <MinutesForm meeting={m} />}
          {asking === 'cancel' && <Form.Item name="reason" label={t('jointMeeting.reason')} rules={[{ required: true, min: 2, whitespace: true, message: t('common.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} data-testid="meeting-reason" /></Form.Item>}
        </Form>
      </Modal>
      <TimelineDrawer open={timeline} onClose={() => setTimeline(false)} entityType="joint_meeting" entityId={m.id} title={m.title} />
    </div>
  );
}
