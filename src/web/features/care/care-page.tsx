// 关怀帮扶: the worker's care tasks (on a phone too), the special-group register
// for those allowed to see it, and community activities.
import { useState } from 'react';
import { App, Button, Card, Empty, List, Segmented, Space, Tabs, Tag, Typography } from 'antd';
import { careLabels } from '../../../shared/care.js';
import { ApiError } from '../../api/client.js';
import { ErrorResult } from '../../components/error-result.js';
import { useLoad } from '../../components/use-load.js';
import { useT } from '../../i18n/i18n.js';
import { useSession } from '../../shell/session.js';
import { careApi } from './care-api.js';
import { RegisterTab } from './register-tab.js';
import { ActivitiesTab } from './activities-tab.js';

export function CarePage() {
  const { t } = useT();
  const session = useSession();
  const items = [
    { key: 'tasks', label: t.care.tabTasks, children: <TasksTab /> },
    ...(session.can('care.special.read') ? [{ key: 'register', label: t.care.tabRegister, children: <RegisterTab /> }] : []),
    { key: 'activities', label: t.care.tabActivities, children: <ActivitiesTab /> },
  ];
  return (
    <Card title={t.care.title} styles={{ body: { paddingTop: 0 } }}>
      <Tabs items={items} destroyOnHidden />
    </Card>
  );
}

function TasksTab() {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const session = useSession();
  const [status, setStatus] = useState<'open' | 'done' | 'all'>('open');
  const tasks = useLoad(() => careApi.tasks({ status }), [status]);
  if (tasks.error) return <ErrorResult error={tasks.error} onRetry={tasks.reload} />;
  const done = async (id: number) => {
    try {
      await careApi.taskDone(id);
      tasks.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.text(lang) : String(e));
    }
  };
  return (
    <>
      <Segmented
        style={{ marginBottom: 12 }}
        value={status}
        onChange={(v) => setStatus(v as typeof status)}
        options={[{ value: 'open', label: t.care.openTasks }, { value: 'done', label: t.care.doneTasks }, { value: 'all', label: t.care.allTasks }]}
      />
      <List
        loading={tasks.loading}
        locale={{ emptyText: <Empty description={t.care.noTasks} /> }}
        dataSource={tasks.data?.items ?? []}
        renderItem={(x) => (
          <List.Item
            key={x.id}
            data-testid={`care-task-${x.kind}`}
            actions={x.status === 'open' && session.can('care.work') ? [<Button key="d" size="small" onClick={() => void done(x.id)}>{t.care.markDone}</Button>] : []}
          >
            <List.Item.Meta
              title={
                <Space wrap size={[6, 4]}>
                  <Tag color={x.kind === 'proof_expired' ? 'red' : x.kind === 'disaster_contact' ? 'orange' : 'blue'}>{careLabels.task[x.kind][lang]}</Tag>
                  <Typography.Text>{x.shopName}</Typography.Text>
                </Space>
              }
              description={
                <Space wrap size={[8, 2]}>
                  <span>{x.dueOn}</span>
                  {x.assigneeName && <span>{x.assigneeName}</span>}
                  {x.onCalendar && <Tag color="green">{t.care.onCalendar}</Tag>}
                  {x.status === 'done' && <Tag>{t.care.done}</Tag>}
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </>
  );
}
