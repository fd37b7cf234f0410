// The move screen (decisions 1902, 1921): choose the target county and grid,
// see what moves with the shop, what ends here and why it would be refused,
// then confirm. The preview and the move run the same checks on the server.
import { useState } from 'react';
import { Alert, App, Button, Descriptions, Form, Input, Popconfirm, Select, Space, Typography } from 'antd';
import { ErrorResult, errorText } from '../../../components/error-result.js';
import { useLoad } from '../../../components/use-load.js';
import { useT } from '../../../i18n/i18n.js';
import { textOf } from '../../../i18n/text-of.js';
import { retailerMoveApi } from './retailer-move-api.js';
import { FormDrawer } from '../../../shell/form-drawer.js';

type Props = { retailerId: number; shopName: string; onClose: () => void; onMoved: () => void };

function RowCounts({ counts, testId }: { counts: Record<string, number>; testId: string }) {
  const { t } = useT();
  const entries = Object.entries(counts);
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2 }} data-testid={testId}>
      {entries.map(([table, n]) => (
        <Descriptions.Item key={table} label={textOf(t.move.tables, table)}>
          {t.move.rows(n)}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

export function RetailerMoveDrawer({ retailerId, shopName, onClose, onMoved }: Props) {
  const { t, lang } = useT();
  const s = t.move;
  const { message } = App.useApp();
  const [toOrgId, setToOrgId] = useState<number | undefined>();
  const [toGridId, setToGridId] = useState<number | undefined>();
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const preview = useLoad(() => retailerMoveApi.preview(retailerId, toOrgId), [retailerId, toOrgId]);
  // useLoad keeps the last answer on screen while the next county's preview loads.
  const p = preview.data;

  const grid = p?.grids.find((g) => g.id === toGridId);
  const ready = !!p && toOrgId !== undefined && !!grid && grid.workerName !== null && p.refusals.length === 0 && reason.trim().length >= 2;
  const county = p?.counties.find((c) => c.orgId === toOrgId);

  const move = async () => {
    if (!ready || toOrgId === undefined || toGridId === undefined) return;
    setSaving(true);
    try {
      await retailerMoveApi.move(retailerId, { toOrgId, toGridId, reason: reason.trim() });
      message.success(s.done(county?.name ?? ''));
      onMoved();
    } catch (e) {
      message.error(errorText(e, lang, t.common.unknownError));
      preview.reload();
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormDrawer
      title={s.title(shopName)}
      width={640}
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>{t.common.cancel}</Button>
          <Popconfirm title={s.confirmTitle} description={s.confirmText} onConfirm={move} okButtonProps={{ danger: true, ...({ 'data-testid': 'move-confirm-ok' } as Record<string, string>) }} disabled={!ready}>
            <Button type="primary" danger disabled={!ready} loading={saving} data-testid="move-confirm">
              {s.confirm}
            </Button>
          </Popconfirm>
        </>
      }
    >
      {preview.error && !p ? (
        <ErrorResult error={preview.error} onRetry={preview.reload} />
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="move-drawer">
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {s.intro}
          </Typography.Paragraph>
          <Form layout="vertical">
            <Form.Item label={s.county} required>
              <Select
                data-testid="move-county"
                placeholder={s.countyPlaceholder}
                value={toOrgId}
                showSearch={{ optionFilterProp: 'label' }}
                options={(p?.counties ?? []).map((c) => ({ value: c.orgId, label: c.name }))}
                onChange={(v: number) => {
                  setToOrgId(v);
                  setToGridId(undefined);
                }}
              />
            </Form.Item>
            <Form.Item label={s.grid} required>
              <Select
                data-testid="move-grid"
                placeholder={s.gridPlaceholder}
                value={toGridId}
                disabled={toOrgId === undefined || preview.loading}
                showSearch={{ optionFilterProp: 'label' }}
                options={(toOrgId === undefined ? [] : (p?.grids ?? [])).map((g) => ({
                  value: g.id,
                  label: `${g.name}${t.punct.paren(g.code)}${g.workerName === null ? s.noWorker : ` ${g.workerName}`}`,
                  disabled: g.workerName === null,
                }))}
                onChange={(v: number) => setToGridId(v)}
              />
            </Form.Item>
            <Form.Item label={s.reason} required>
              <Input.TextArea data-testid="move-reason" maxLength={500} rows={2} placeholder={s.reasonPlaceholder} value={reason} onChange={(e) => setReason(e.target.value)} />
            </Form.Item>
          </Form>
          {p && p.refusals.length > 0 && (
            <Alert
              type="error"
              showIcon
              data-testid="move-refusals"
              title={s.refused}
              description={
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {p.refusals.map((r) => (
                    <li key={r.code}>
                      {lang === 'en' ? r.messageEn : r.message}
                      {r.products && r.products.length > 0 && <div>{s.products(r.products.join(t.punct.listSep))}</div>}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          {p && p.refusals.length === 0 && toOrgId !== undefined && <Alert type="success" showIcon title={s.ready} data-testid="move-ready" />}
          {p && (
            <>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {s.carried}
              </Typography.Title>
              <RowCounts counts={p.carried} testId="move-carried" />
              {Object.keys(p.ended).length > 0 && (
                <>
                  <Typography.Title level={5} style={{ margin: 0 }}>
                    {s.ended}
                  </Typography.Title>
                  <Typography.Text type="secondary">{s.endedHint}</Typography.Text>
                  <RowCounts counts={p.ended} testId="move-ended" />
                </>
              )}
            </>
          )}
        </Space>
      )}
    </FormDrawer>
  );
}
