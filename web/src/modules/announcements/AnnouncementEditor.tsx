import { Alert, Button, Card, Form, Input, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useLoad } from '../../app/hooks/useLoad';
import { useNotify } from '../../app/hooks/useNotify';
import { useT } from '../../app/i18n/I18nProvider';
import { PlaceSelect } from '../places/PlaceSelect';
import { announcementsApi, type AnnouncementDraft, type AnnouncementDetail } from './api';
import { validated } from '../../app/forms';

/** Writing a notice: a new draft, or a draft of my office (its version guards the save). Publishing saves first. */
export function AnnouncementEditor() {
  const { id } = useParams();
  const { errorText } = useNotify();
  const detail = useLoad(() => (id ? announcementsApi.get(id) : Promise.resolve(null)), [id]);
  if (id && !detail.data) return detail.error ? <Alert type="error" showIcon title={errorText(detail.error)} /> : <Skeleton active />;
  return <EditorForm key={id ?? 'new'} detail={detail.data ?? null} />;
}

function EditorForm({ detail }: { detail: AnnouncementDetail | null }) {
  const t = useT();
  const navigate = useNavigate();
  const { error, success } = useNotify();
  const [form] = Form.useForm<AnnouncementDraft>();
  const [busy, setBusy] = useState(false);
  const actions = detail?.actions ?? ['edit', 'publish'];
  if (detail && !actions.includes('edit')) return <Alert type="info" showIcon title={t(`announcement.states.${detail.announcement.state}`)} />;

  /** Creates or edits the draft and answers its id, version and next steps. */
  const save = async (values: AnnouncementDraft) => {
    if (!detail) return announcementsApi.create(values);
    const a = detail.announcement;
    const changed = { title: values.title, body: values.body, ...(values.placeId !== a.placeId ? { placeId: values.placeId } : {}) };
    return announcementsApi.step(a.id, 'edit', { version: a.version, ...changed });
  };
  const run = async (publish: boolean) => {
    const values = await validated(form);
    if (!values) return;
    setBusy(true);
    try {
      const saved = await save(values);
      if (publish && saved.actions.includes('publish')) await announcementsApi.step(saved.id, 'publish', { version: saved.version });
      success(t(publish ? 'announcement.published' : 'announcement.saved'));
      navigate(`/announcements/${saved.id}`);
    } catch (err) {
      error(err);
    } finally {
      setBusy(false);
    }
  };
  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  const initial = detail ? { title: detail.announcement.title, body: detail.announcement.body, placeId: detail.announcement.placeId } : undefined;
  return (
    <Card title={t(detail ? 'announcement.editTitle' : 'announcement.newTitle')} style={{ maxWidth: 760 }} data-testid="announcement-editor">
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item name="placeId" label={t('announcement.place')} extra={t('announcement.placeHint')} rules={[{ required: true, message: t('common.required') }]}>
          <PlaceSelect placeholder={t('announcement.pickPlace')} initialLabel={detail?.placeName ?? undefined} testId="announcement-place" />
        </Form.Item>
        <Form.Item name="title" label={t('announcement.titleField')} rules={[...required, { min: 2, message: t('common.required') }]}><Input maxLength={100} /></Form.Item>
        <Form.Item name="body" label={t('announcement.body')} rules={required}><Input.TextArea rows={8} maxLength={5000} showCount /></Form.Item>
        <Space wrap>
          <Button loading={busy} onClick={() => void run(false)} data-testid="announcement-save">{t('announcement.saveDraft')}</Button>
          {actions.includes('publish') && (
            <Button type="primary" loading={busy} onClick={() => void run(true)} data-testid="announcement-publish">{t('announcement.steps.publish')}</Button>
          )}
          <Button onClick={() => navigate(detail ? `/announcements/${detail.announcement.id}` : '/announcements')}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
