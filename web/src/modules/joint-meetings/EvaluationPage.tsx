import { Button, Card, Col, List, Row, Select, Space, Spin, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useLoad } from '../../app/hooks/useLoad';
import { useT } from '../../app/i18n/I18nProvider';
import { evaluationApi } from './api';
import { TaskTag } from './JointMeetingsPage';

/** 年度考评: a partner unit's year (agreement, resources, needs and their ratings, meetings attended, months chaired and their ratings), with its .xlsx sheet. */
export function EvaluationPage() {
  const t = useT();
  const { id = '' } = useParams();
  const [year, setYear] = useState(new Date().getFullYear());
  const e = useLoad(() => evaluationApi.get(id, year), [id, year]);
  if (!e.data) return <Spin style={{ display: 'block', marginTop: 60 }} />;
  const d = e.data;
  return (
    <div data-testid="evaluation-page">
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{d.unit.name} {t('evaluation.title')}</Typography.Title>
        <Select value={year} onChange={setYear} options={[year - 1, year].map((y) => ({ value: y, label: `${y}` }))} />
        <Button href={evaluationApi.sheetHref(id, year)} data-testid="evaluation-sheet">{t('evaluation.export')}</Button>
      </Space>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('evaluation.agreement')} value={t(`partnerUnit.agreementStates.${d.agreement.state}` as never)} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('evaluation.resources')} value={d.resources.length} /></Card></Col>
        <Col xs={12} md={6}><Card size="small" data-testid="evaluation-needs"><Statistic title={t('evaluation.needs')} value={`${d.needsTaken} / ${d.needsDelivered} / ${d.needsRated}`} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('evaluation.needRating')} value={d.needRating ?? '—'} /></Card></Col>
        <Col xs={12} md={6}><Card size="small" data-testid="evaluation-meetings"><Statistic title={t('evaluation.meetings')} value={`${d.meetingsAttended} / ${d.meetingsInvited}`} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('evaluation.tasks')} value={`${d.tasksDone} / ${d.tasks.length}`} /></Card></Col>
        <Col xs={12} md={6}><Card size="small" data-testid="evaluation-chair"><Statistic title={t('evaluation.chairMonths')} value={d.chairMonths.length} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('evaluation.chairRating')} value={d.chairRating ?? '—'} /></Card></Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Card size="small" title={t('evaluation.meetingList')} style={{ marginTop: 12 }}>
            <List size="small" dataSource={d.meetings} renderItem={(m) => (
              <List.Item><Link to={`/joint-meetings/${m.id}`}>{m.plannedAt.slice(0, 10)} {m.title}</Link>{m.attended ? <Tag color="green">{t('jointMeeting.signedIn')}</Tag> : <Tag>{t('jointMeeting.notSignedIn')}</Tag>}</List.Item>
            )} />
          </Card>
          <Card size="small" title={t('jointMeeting.tasks')} style={{ marginTop: 12 }}>
            <List size="small" dataSource={d.tasks} locale={{ emptyText: t('jointMeeting.noTasks') }} renderItem={(x) => <List.Item>{x.title} · {x.dueOn}<TaskTag task={x} /></List.Item>} />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('evaluation.chairList')} style={{ marginTop: 12 }}>
            <List size="small" dataSource={d.chairMonths} renderItem={(m) => (
              <List.Item>{m.month} · {t(`rotatingChair.states.${m.state}`)}<span>{m.rating === null ? '—' : `${m.rating} (${m.ratings})`}</span></List.Item>
            )} />
          </Card>
          <Card size="small" title={t('evaluation.resourceList')} style={{ marginTop: 12 }}>
            <List size="small" dataSource={d.resources} renderItem={(r) => <List.Item>{r.title}</List.Item>} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
