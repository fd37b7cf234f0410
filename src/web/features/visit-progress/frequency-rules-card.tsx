// Visit frequency by star or class (and, once segments exist, service
// package), editable by the county: visits per four-week cycle, minutes per
// visit, key customer (24-hour callback). New calendars use the saved rules.
import { useEffect, useState } from 'react';
import { Button, Card, Checkbox, InputNumber, Table, message } from 'antd';
import type { z } from 'zod';
import type { frequencyRuleSchema } from '../../../shared/visits.js';
import { ApiError } from '../../api/client.js';
import { getVisitConfig, saveVisitConfig } from './visits-api.js';
import { useT } from '../../i18n/i18n.js';

type Rule = z.infer<typeof frequencyRuleSchema>;

export function FrequencyRulesCard({ editable }: { editable: boolean }) {
  const { t, lang } = useT();
  const v = t.visits;
  const [rules, setRules] = useState<Rule[]>([]);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    void getVisitConfig().then((c) => setRules(c.rules));
  }, []);
  const set = (i: number, patch: Partial<Rule>) => setRules(rules.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const save = async () => {
    setSaving(true);
    try {
      const c = await saveVisitConfig({ rules });
      setRules(c.rules);
      message.success(v.rulesSaved);
    } catch (e) {
      message.error(e instanceof ApiError ? e.text(lang) : String(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card
      size="small"
      title={v.rulesTitle}
      extra={editable && <Button type="primary" size="small" loading={saving} onClick={save}>{t.common.save}</Button>}
      data-testid="frequency-rules"
    >
      <Table
        size="small"
        rowKey="priority"
        pagination={false}
        scroll={{ x: 480 }}
        dataSource={rules}
        columns={[
          { title: v.ruleLabel, key: 'label', render: (_: unknown, r: Rule) => v.ruleLabelOf(r.label) },
          { title: v.ruleStars, render: (_: unknown, r: Rule) => (r.servicePackage ? r.servicePackage : `${r.starMin}–${r.starMax}`) },
          {
            title: v.ruleVisits,
            render: (_: unknown, r: Rule, i: number) =>
              editable ? <InputNumber min={1} max={20} size="small" value={r.visitsPerCycle} onChange={(n) => n && set(i, { visitsPerCycle: n })} /> : r.visitsPerCycle,
          },
          {
            title: v.ruleMinutes,
            render: (_: unknown, r: Rule, i: number) =>
              editable ? <InputNumber min={1} max={240} size="small" value={r.serviceMinutes} onChange={(n) => n && set(i, { serviceMinutes: n })} /> : r.serviceMinutes,
          },
          {
            title: v.keyCustomer,
            render: (_: unknown, r: Rule, i: number) => <Checkbox disabled={!editable} checked={r.keyCustomer} onChange={(e) => set(i, { keyCustomer: e.target.checked })} />,
          },
        ]}
      />
    </Card>
  );
}
