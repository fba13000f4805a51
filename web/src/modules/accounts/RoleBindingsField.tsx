import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Select } from 'antd';
import { ROLES, type PlaceLevel } from '../../app/api/types';
import { useT } from '../../app/i18n/I18nProvider';
import { PlaceSelect } from '../places/PlaceSelect';

/** The levels each role is bound to, as the server requires (a grid worker to a grid, …). */
const ROLE_LEVELS: Record<string, PlaceLevel | undefined> = {
  district_admin: 'district', street_staff: 'street', community_worker: 'community', grid_worker: 'grid',
  building_head: 'building', resident: 'household',
};

/** One row per role binding: a role and the place it applies to. */
export function RoleBindingsField({ labels }: { labels: Record<string, string> }) {
  const t = useT();
  return (
    <Form.List name="roles">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <div key={field.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }} data-testid="role-binding">
              <Form.Item name={[field.name, 'role']} rules={[{ required: true, message: t('common.required') }]} style={{ flex: '0 0 42%', marginBottom: 8 }}>
                <Select placeholder={t('user.role')} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {({ getFieldValue }) => (
                  <Form.Item name={[field.name, 'placeId']} rules={[{ required: true, message: t('common.required') }]} style={{ flex: 1, marginBottom: 8 }}>
                    <PlaceSelect level={ROLE_LEVELS[getFieldValue(['roles', field.name, 'role']) as string]}
                      initialLabel={labels[getFieldValue(['roles', field.name, 'placeId']) as string]} />
                  </Form.Item>
                )}
              </Form.Item>
              <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} disabled={fields.length <= 1} />
            </div>
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})}>{t('user.addRole')}</Button>
        </>
      )}
    </Form.List>
  );
}
