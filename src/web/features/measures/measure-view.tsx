// Small pieces shared by the card and the county screen: a measure's value
// (or 未调查 / 未采集), and the definition's rules.
import { Tag, Typography } from 'antd';
import { measureLabels, type MeasureId } from '../../../shared/measures.js';
import { useT } from '../../i18n/i18n.js';

export function MeasureValue({ measure, value }: { measure: MeasureId; value: number | null }) {
  const { t } = useT();
  if (value === null) return <Tag data-testid={`measure-${measure}-missing`}>{measure === 'satisfaction' ? t.measures.notSurveyed : t.measures.notCollected}</Tag>;
  const color = value >= 80 ? '#389e0d' : value >= 60 ? '#1677ff' : value >= 40 ? '#d48806' : '#cf1322';
  return (
    <Typography.Text strong style={{ fontSize: 20, color }} data-testid={`measure-${measure}`}>
      {value.toFixed(1)}
    </Typography.Text>
  );
}

export function measureName(measure: MeasureId, lang: 'zh' | 'en') {
  return measureLabels[measure][lang];
}

export function MeasureRules() {
  const { t, lang } = useT();
  const m = t.measures;
  const rules: [MeasureId, string][] = [
    ['satisfaction', m.satisfactionRule],
    ['loyalty', m.loyaltyRule],
    ['contribution', m.contributionRule],
    ['dependence', m.dependenceRule],
  ];
  return (
    <ul style={{ paddingLeft: 18, margin: 0 }}>
      {rules.map(([id, text]) => (
        <li key={id}>
          <b>{measureName(id, lang)}</b>
          {t.punct.colon}
          {text}
        </li>
      ))}
    </ul>
  );
}
