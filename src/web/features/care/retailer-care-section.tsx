// 关怀记录 on the retailer card: community activities, help received after
// disasters and the shop's care tasks.
import { Card, Empty, List, Tag } from 'antd';
import { careLabels } from '../../../shared/care.js';
import { formatYuan } from '../../../shared/money.js';
import { useLoad } from '../../components/use-load.js';
import { useT } from '../../i18n/i18n.js';
import { careApi } from './care-api.js';

export function RetailerCareSection({ retailerId }: { retailerId: number }) {
  const { t, lang } = useT();
  const care = useLoad(() => careApi.retailerCare(retailerId), [retailerId]);
  const d = care.data;
  const empty = d && !d.activities.length && !d.help.length && !d.tasks.length;
  return (
    <Card size="small" title={t.care.careOnFile} loading={care.loading && !d} data-testid="section-care">
      {empty && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.care.none} />}
      {d && d.activities.length > 0 && (
        <List size="small" header={t.care.tabActivities} dataSource={d.activities}
          renderItem={(a) => <List.Item key={`a${a.id}`}><span><Tag color="magenta">{careLabels.activity[a.kind][lang]}</Tag>{a.heldOn} {a.title}</span></List.Item>} />
      )}
      {d && d.help.length > 0 && (
        <List size="small" header={t.care.helpReceived} dataSource={d.help}
          renderItem={(h) => <List.Item key={`h${h.id}`}><span>{h.givenOn} {h.disasterName} · {careLabels.help[h.kind][lang]}{h.amountYuan ? ` ${formatYuan(h.amountYuan)}` : ''} · {h.description}</span></List.Item>} />
      )}
      {d && d.tasks.length > 0 && (
        <List size="small" header={t.care.tabTasks} dataSource={d.tasks}
          renderItem={(x) => <List.Item key={`t${x.id}`}><span>{x.dueOn} {careLabels.task[x.kind][lang]} {x.status === 'done' ? <Tag>{t.care.done}</Tag> : null}</span></List.Item>} />
      )}
    </Card>
  );
}
