// Adjustments a county manager makes to one retailer's rating: a compliance
// record (专卖 score and penalties → A/B/C/W), a disaster freeze for a month,
// and a manual tier change on the month's draft — each with its reason.
import { useState } from 'react';
import { Alert, App, Button, Divider, Drawer, Form, Input, InputNumber, Select } from 'antd';
import { ApiError } from '../../api/client.js';
import { useLoad } from '../../components/use-load.js';
import { useT } from '../../i18n/i18n.js';
import { changeTier, findRatingRuns, freezeRating, recordCompliance } from './rating-api.js';
import { complianceSchema, freezeSchema, manualTierSchema } from '../../../shared/rating.js';
import { inputLimits, schemaRules } from '../../components/schema-rules.js';

type Props = { retailerId: number; currentTier: number; onClose: () => void; onChanged: () => void };

export function RatingAdjustDrawer({ retailerId, currentTier, onClose, onChanged }: Props) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const runs = useLoad(findRatingRuns, []);
  const [error, setError] = useState<string | null>(null);
  // From this month (not yet rated, e.g. a freeze after a disaster) back five months.
  const months = runs.data ? lastMonths(nextMonth(runs.data.defaultMonth), 6) : [];
  const draft = runs.data?.runs.find((r) => r.status === 'draft');

  const act = async (work: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await work();
      message.success(done);
      onChanged();
    } catch (e) {
      if (e instanceof ApiError) {
        const list = (e.body.errors as { message: string; messageEn: string }[] | undefined) ?? [];
        setError(list.length ? list.map((x) => (lang === 'en' ? x.messageEn : x.message)).join(t.punct.semicolon) : e.text(lang));
      } else setError(t.common.unknownError);
    }
  };

  return (
    <Drawer open title={t.adjust.title} onClose={onClose} width={420} data-testid="rating-adjust">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {!runs.data ? null : (
      <>
      <Divider titlePlacement="start">{t.adjust.compliance}</Divider>
      <Form
        layout="vertical"
        initialValues={{ month: months[0], score: 95, penalties: 0 }}
        onFinish={(v) => act(() => recordCompliance(retailerId, v.month, v.score, v.penalties), t.adjust.saved)}
      >
        <Form.Item name="month" label={t.rating.month} rules={[{ required: true }]}>
          <Select options={months.map((m) => ({ value: m, label: m }))} />
        </Form.Item>
        <Form.Item name="score" label={t.adjust.score} rules={schemaRules(complianceSchema.shape.score, lang)}>
          <InputNumber {...inputLimits(complianceSchema.shape.score)} />
        </Form.Item>
        <Form.Item name="penalties" label={t.adjust.penalties} rules={schemaRules(complianceSchema.shape.penalties, lang)}>
          <InputNumber {...inputLimits(complianceSchema.shape.penalties)} />
        </Form.Item>
        <Button htmlType="submit">{t.common.save}</Button>
      </Form>
      <Divider titlePlacement="start">{t.adjust.freeze}</Divider>
      <Form layout="vertical" initialValues={{ month: months[0] }} onFinish={(v) => act(() => freezeRating(retailerId, v.month, v.reason), t.adjust.saved)}>
        <Form.Item name="month" label={t.rating.month} rules={[{ required: true }]}>
          <Select options={months.map((m) => ({ value: m, label: m }))} />
        </Form.Item>
        <Form.Item name="reason" label={t.adjust.reason} rules={schemaRules(freezeSchema.shape.reason, lang, t.rep.reasonHint)}>
          <Input.TextArea rows={2} placeholder={t.adjust.freezeHint} {...inputLimits(freezeSchema.shape.reason)} />
        </Form.Item>
        <Button htmlType="submit">{t.adjust.freezeButton}</Button>
      </Form>
      <Divider titlePlacement="start">{t.adjust.tier}</Divider>
      {draft ? (
        <Form
          layout="vertical"
          initialValues={{ toTier: currentTier }}
          onFinish={(v) => act(() => changeTier(draft.id, retailerId, v.toTier, v.reason ?? ''), t.adjust.saved)}
        >
          <Alert type="info" title={t.adjust.onDraft(draft.month)} style={{ marginBottom: 8 }} />
          <Form.Item name="toTier" label={t.rating.tier} rules={schemaRules(manualTierSchema.shape.toTier, lang)}>
            <InputNumber {...inputLimits(manualTierSchema.shape.toTier)} />
          </Form.Item>
          <Form.Item name="reason" label={t.adjust.reason} rules={schemaRules(manualTierSchema.shape.reason.optional(), lang)}>
            <Input.TextArea rows={2} {...inputLimits(manualTierSchema.shape.reason)} />
          </Form.Item>
          <Button htmlType="submit">{t.common.save}</Button>
        </Form>
      ) : (
        <Alert type="info" title={t.adjust.noDraft} />
      )}
      </>
      )}
    </Drawer>
  );
}

function nextMonth(m: string): string {
  const [y, mo] = m.split('-').map(Number);
  return new Date(Date.UTC(y, mo, 1)).toISOString().slice(0, 7);
}

function lastMonths(from: string, n: number): string[] {
  const [y, m] = from.split('-').map(Number);
  return Array.from({ length: n }, (_, i) => new Date(Date.UTC(y, m - 1 - i, 1)).toISOString().slice(0, 7));
}
