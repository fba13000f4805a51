import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Select } from 'antd';
import { ROLE_PLACE_LEVELS, ROLES, type Role } from '../../../../contracts/roles';
import { useT } from '../../app/i18n/I18nProvider';
import { PlaceSelect } from '../places/PlaceSelect';

/** The one level a role is bound to (a grid worker to a grid, …); roles bound at several levels search them all. */
const levelOf = (role: Role | undefined) => {
  const levels = role ? ROLE_PLACE_LEVELS[role] : undefined;
  return levels?.length === 1 ? levels[0] : undefined;
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
                    <PlaceSelect level={levelOf(getFieldValue(['roles', field.name, 'role']) as Role | undefined)}
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
