// The rules a province or city sets for its counties, with the version in force and whose it is (decision 1912).
import { Card, Descriptions, Tag } from 'antd';
import { useLoad } from '../../components/use-load.js';
import { useT } from '../../i18n/i18n.js';
import { ORG_RULE_KINDS } from '../../../shared/org-tree.js';
import { orgTreeApi } from './org-tree-api.js';

export function RulesCard() {
  const { t } = useT();
  const s = t.orgTree;
  const rules = useLoad(() => Promise.all(ORG_RULE_KINDS.map((k) => orgTreeApi.rule(k))), []);
  return (
    <Card size="small" title={s.rules} data-testid="org-rules">
      <Descriptions size="small" column={1}>
        {(rules.data ?? []).map((r) => (
          <Descriptions.Item key={r.kind} label={s.ruleKinds[r.kind]}>
            {r.inForce ? s.ruleFrom(r.inForce.orgName, r.inForce.version) : s.ruleNone}
            {r.inForce && !r.inForce.overridable && <Tag style={{ marginLeft: 8 }}>{s.ruleLocked}</Tag>}
          </Descriptions.Item>
        ))}
      </Descriptions>
    </Card>
  );
}
