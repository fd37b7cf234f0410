// 通知模板: the texts every generator writes from (decision 1135). Marketing
// picks a template, edits its title, in-app text and SMS, sees the live
// preview with a real shop and the SMS parts, and saves a new version; the
// older versions stay readable in a drawer. Others read and preview only.
import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, List, message, Row, Select, Space, Tag, Typography } from 'antd';
import { HistoryOutlined } from '@ant-design/icons';
import { ApiError } from '../../api/client.js';
import { searchActiveRetailers } from '../../api/endpoints.js';
import { ErrorResult } from '../../components/error-result.js';
import { useLoad } from '../../components/use-load.js';
import { useT } from '../../i18n/i18n.js';
import { useSession } from '../../shell/session.js';
import { fillMessage } from '../../../shared/plural.js';
import { formatDateTime } from '../../../shared/format.js';
import { templateLabels, type EditableTemplateCode } from '../../../shared/notice-templates.js';
import { noticesApi, type TemplatePreview, type TemplateSummary, type TemplateVersion } from './notices-api.js';
import { TemplatePreviewPanel } from './template-preview.js';
import { TemplateVersionsDrawer } from './template-versions-drawer.js';

type Values = { title: string; body: string; sms: string | null; note: string };
type Field = 'title' | 'body' | 'sms';

export function NoticeTemplatesPage() {
  const { t, lang } = useT();
  const s = t.noticeTemplates;
  const { me } = useSession();
  const canEdit = !!me?.permissions.includes('notice.template.manage');
  const list = useLoad(() => noticesApi.templates(), []);
  const shops = useLoad(() => searchActiveRetailers('', 20), []);
  const [code, setCode] = useState<string>();
  const [shopId, setShopId] = useState<number>();
  const [form] = Form.useForm<Values>();
  const [preview, setPreview] = useState<{ data: TemplatePreview | null; error: unknown; loading: boolean }>({ data: null, error: null, loading: false });
  const [saving, setSaving] = useState(false);
  const [history, setHistory] = useState(false);
  const focused = useRef<Field>('body');
  const seq = useRef(0);
  const title = Form.useWatch('title', form);
  const body = Form.useWatch('body', form);
  const sms = Form.useWatch('sms', form);

  const items = list.data?.items ?? [];
  const current: TemplateSummary | undefined = items.find((i) => i.code === code) ?? items[0];
  const nameOf = (c: string) => templateLabels[c as EditableTemplateCode]?.[lang] ?? c;
  const { modal } = App.useApp();
  // Edits not yet saved as a version: the form's text differs from the version in force.
  const dirty =
    !!current &&
    canEdit &&
    title !== undefined &&
    (title !== current.title || body !== current.body || (current.smsAllowed && (sms ?? '') !== (current.sms ?? '')));

  // Closing or reloading the tab with unsaved edits asks first (the browser's own question).
  useEffect(() => {
    if (!dirty) return;
    const ask = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty]);

  /** Another template chosen: with unsaved edits, only once the user agrees to drop them. */
  const choose = (next: string) => {
    if (next === current?.code) return;
    if (!dirty) return setCode(next);
    modal.confirm({
      title: s.unsavedTitle,
      content: fillMessage(s.unsavedText, { name: nameOf(current!.code) }),
      okText: s.unsavedDiscard,
      okButtonProps: { danger: true },
      cancelText: s.unsavedKeep,
      onOk: () => setCode(next),
    });
  };

  // A template chosen (or saved): its text in force goes into the form.
  useEffect(() => {
    if (current) form.setFieldsValue({ title: current.title, body: current.body, sms: current.sms, note: '' });
  }, [current?.code, current?.version]);

  // The live preview, a moment after the typing stops; a newer request wins.
  useEffect(() => {
    if (!current || title === undefined) return;
    const mine = ++seq.current;
    setPreview((p) => ({ ...p, loading: true }));
    const timer = setTimeout(() => {
      noticesApi
        .previewTemplate(current.code, { title: title ?? '', body: body ?? '', sms: current.smsAllowed ? (sms ?? '') : null, retailerId: shopId })
        .then(
          (data) => mine === seq.current && setPreview({ data, error: null, loading: false }),
          (error: unknown) => mine === seq.current && setPreview({ data: null, error, loading: false }),
        );
    }, 350);
    return () => clearTimeout(timer);
  }, [current?.code, title, body, sms, shopId]);

  if (list.error) return <ErrorResult error={list.error} onRetry={list.reload} />;

  const insert = (v: string) => {
    const field = focused.current === 'sms' && !current?.smsAllowed ? 'body' : focused.current;
    form.setFieldValue(field, `${form.getFieldValue(field) ?? ''}\${${v}}`);
  };
  const save = async (v: Values) => {
    if (!current) return;
    setSaving(true);
    try {
      const saved = await noticesApi.saveTemplate(current.code, { title: v.title, body: v.body, sms: current.smsAllowed ? v.sms : null, note: v.note ?? '', baseVersion: current.version });
      message.success(fillMessage(s.saved, { n: saved.version }));
      list.reload();
    } catch (e) {
      const extra = e instanceof ApiError ? (e.body as { variable?: string; text?: string }) : {};
      message.error(e instanceof ApiError ? `${e.text(lang)}${extra.variable ? ` · \${${extra.variable}}` : extra.text ? ` · ${extra.text}` : ''}` : String(e));
    } finally {
      setSaving(false);
    }
  };
  const load = (v: TemplateVersion) => {
    form.setFieldsValue({ title: v.title, body: v.body, sms: v.sms, note: '' });
    setHistory(false);
    message.info(fillMessage(s.loaded, { n: v.version }));
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="notice-templates">
      <Typography.Title level={4} style={{ margin: 0 }}>{s.title}</Typography.Title>
      <Typography.Text type="secondary">{s.intro}</Typography.Text>
      {!canEdit && <Alert type="info" showIcon message={s.readOnly} data-testid="templates-read-only" />}
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={7}>
          <Card size="small" title={s.list} loading={list.loading && !list.data} styles={{ body: { padding: 0 } }}>
            <List<TemplateSummary>
              dataSource={items}
              renderItem={(i) => (
                <List.Item
                  onClick={() => choose(i.code)}
                  style={{ cursor: 'pointer', padding: '8px 12px', background: i.code === current?.code ? '#e6f4ff' : undefined }}
                  data-testid={`template-${i.code}`}
                >
                  <Space orientation="vertical" size={0}>
                    <Typography.Text strong>{nameOf(i.code)}</Typography.Text>
                    <Space size={4} wrap>
                      <Tag color={i.version > 1 ? 'blue' : 'default'}>{fillMessage(s.version, { n: i.version })}</Tag>
                      {!i.smsAllowed && <Tag>{s.inAppOnly}</Tag>}
                    </Space>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          {current && (
            <Card
              size="small"
              title={nameOf(current.code)}
              extra={<Button size="small" icon={<HistoryOutlined />} onClick={() => setHistory(true)} data-testid="template-history">{fillMessage(s.versions, { n: current.versions })}</Button>}
            >
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                {current.createdBy && current.createdAt ? fillMessage(s.editedBy, { who: current.createdBy, at: formatDateTime(current.createdAt) }) : s.builtIn}
              </Typography.Paragraph>
              <Form form={form} layout="vertical" onFinish={save} disabled={!canEdit}>
                <Form.Item name="title" label={s.fieldTitle} rules={[{ required: true }]}>
                  <Input maxLength={60} onFocus={() => (focused.current = 'title')} data-testid="template-title" />
                </Form.Item>
                <Form.Item name="body" label={s.fieldBody} rules={[{ required: true }]}>
                  <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} onFocus={() => (focused.current = 'body')} data-testid="template-body" />
                </Form.Item>
                {current.smsAllowed ? (
                  <Form.Item name="sms" label={s.fieldSms} rules={[{ required: true }]}>
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} onFocus={() => (focused.current = 'sms')} data-testid="template-sms" />
                  </Form.Item>
                ) : (
                  <Typography.Paragraph type="secondary">{s.smsNone}</Typography.Paragraph>
                )}
                <Form.Item label={s.variables}>
                  <Space size={[4, 4]} wrap>
                    {current.variables.map((v) => (
                      <Tag key={v} color="processing" style={{ cursor: canEdit ? 'pointer' : 'default' }} onClick={() => canEdit && insert(v)}>{`\${${v}}`}</Tag>
                    ))}
                  </Space>
                </Form.Item>
                {canEdit && (
                  <>
                    <Form.Item name="note" label={s.fieldNote}>
                      <Input maxLength={200} placeholder={s.notePlaceholder} />
                    </Form.Item>
                    <Button type="primary" htmlType="submit" loading={saving} disabled={!!preview.data?.sms?.tooLong} data-testid="template-save">{s.save}</Button>
                  </>
                )}
              </Form>
            </Card>
          )}
        </Col>
        <Col xs={24} lg={7}>
          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
            <Select
              placeholder={s.previewShop}
              style={{ width: '100%' }}
              value={shopId}
              onChange={setShopId}
              showSearch
              optionFilterProp="label"
              options={(shops.data?.items ?? []).map((r) => ({ value: r.id, label: r.shopName }))}
            />
            <TemplatePreviewPanel preview={preview.data} error={preview.error} loading={preview.loading} />
          </Space>
        </Col>
      </Row>
      {current && (
        <TemplateVersionsDrawer code={current.code} name={nameOf(current.code)} current={current.version} open={history} canEdit={canEdit} onClose={() => setHistory(false)} onLoad={load} />
      )}
    </Space>
  );
}
