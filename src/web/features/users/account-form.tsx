// The form of a staff account (decision 0863): opening one (login name, name,
// role, station, mobile) or editing one (name, role, station). The rules are
// the shared schemas the route parses; a station is asked for only where the
// role belongs to one.
import { useEffect } from 'react';
import { Form, Input, Modal, Select } from 'antd';
import type { Station } from '../../../shared/org.js';
import { labelOf } from '../../../shared/codes.js';
import { messageText } from '../../../shared/messages.js';
import { STAFF_ROLES, STATION_ROLES, userFields, type StaffRole } from '../../../shared/users.js';
import { inputLimits, schemaRules } from '../../components/schema-rules.js';
import { useT } from '../../i18n/i18n.js';
import type { UserSummary } from './users-api.js';

export type AccountValues = { username?: string; displayName: string; role: StaffRole; stationId?: number | null; phone?: string };

export function AccountForm({
  editing,
  stations,
  saving,
  onSave,
  onCancel,
}: {
  /** The account edited; none when opening a new one. */
  editing: UserSummary | null;
  stations: Station[];
  saving: boolean;
  onSave: (values: AccountValues) => void;
  onCancel: () => void;
}) {
  const { t, lang } = useT();
  const s = t.users;
  const [form] = Form.useForm<AccountValues>();
  const role = Form.useWatch('role', form);
  const needsStation = !!role && STATION_ROLES.includes(role);
  useEffect(() => {
    form.setFieldsValue(
      editing ? { displayName: editing.displayName, role: editing.role as StaffRole, stationId: editing.stationId } : { role: 'grid_worker', stationId: stations[0]?.id ?? null },
    );
  }, [editing, stations, form]);

  return (
    <Modal
      open
      title={editing ? s.editTitle(editing.displayName) : s.createTitle}
      okText={s.save}
      cancelText={s.cancel}
      confirmLoading={saving}
      okButtonProps={{ id: 'account-save' }}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
      data-testid="account-form"
    >
      <Form form={form} layout="vertical" onFinish={onSave} requiredMark>
        {!editing && (
          <Form.Item name="username" label={s.username} rules={schemaRules(userFields.username, lang)}>
            <Input autoComplete="off" {...inputLimits(userFields.username)} data-testid="account-username" />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={s.displayName} rules={schemaRules(userFields.displayName, lang)}>
          <Input {...inputLimits(userFields.displayName)} data-testid="account-name" />
        </Form.Item>
        <Form.Item name="role" label={s.role} rules={[{ required: true, message: messageText('required', lang) }]}>
          <Select data-testid="account-role" options={STAFF_ROLES.map((r) => ({ value: r, label: labelOf('role', r, lang) }))} />
        </Form.Item>
        {needsStation && (
          <Form.Item name="stationId" label={s.station} rules={[{ required: true, message: messageText('station_required', lang) }]}>
            <Select data-testid="account-station" options={stations.map((st) => ({ value: st.id, label: st.name }))} />
          </Form.Item>
        )}
        {!editing && (
          <Form.Item name="phone" label={s.phone} rules={schemaRules(userFields.phone.optional(), lang)}>
            <Input inputMode="tel" {...inputLimits(userFields.phone)} data-testid="account-phone" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
