// Sending a notice to the shops of one's scope: text with shop variables,
// audience, channel; a preview with a real shop shows the SMS length and
// parts; the list below shows what was sent, and managers approve county-wide
// SMS sent by another.
import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, message, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { ApiError } from '../../api/client.js';
import { searchActiveRetailers } from '../../api/endpoints.js';
import { useLoad } from '../../components/use-load.js';
import { useT } from '../../i18n/i18n.js';
import { useSession } from '../../shell/session.js';
import { useOrgLists } from '../retailers/use-org-lists.js';
import { noticesApi, type Campaign } from './notices-api.js';

type Values = { title: string; body: string; kind: 'county' | 'station' | 'tiers'; stationId?: number; tierFrom?: number; tierTo?: number; channel: 'inapp' | 'sms' | 'wechat'; urgent: boolean };

export function SendNoticePage() {
  const { t, lang } = useT();
  const { me } = useSession();
  const [form] = Form.useForm<Values>();
  const { stations } = useOrgLists();
  const shops = useLoad(() => searchActiveRetailers('', 20), []);
  const campaigns = useLoad(() => noticesApi.campaigns(), []);
  const [shopId, setShopId] = useState<number>();
  const [preview, setPreview] = useState<Awaited<ReturnType<typeof noticesApi.preview>> | null>(null);
  const [busy, setBusy] = useState(false);
  const manager = !!me?.permissions.includes('notice.approve');
  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.text(lang) : String(e));
  const audienceOf = (v: Values) =>
    v.kind === 'county' ? { kind: 'county' as const } : v.kind === 'station' ? { kind: 'station' as const, stationId: v.stationId ?? 0 } : { kind: 'tiers' as const, tierFrom: v.tierFrom ?? 1, tierTo: v.tierTo ?? 30 };

  const doPreview = async () => {
    const v = form.getFieldsValue();
    const id = shopId ?? shops.data?.items[0]?.id;
    if (!id) return;
    await noticesApi.preview({ retailerId: id, title: v.title ?? '', body: v.body ?? '', channel: v.channel }).then(setPreview, fail);
  };
  const send = async (v: Values) => {
    setBusy(true);
    try {
      const c = await noticesApi.send({ title: v.title, body: v.body, audience: audienceOf(v), channel: v.channel, urgent: v.urgent });
      message.success(c.status === 'pending_approval' ? t.notices.pending : t.notices.sent.replace('{n}', String(c.recipients)));
      campaigns.reload();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const decide = (c: Campaign, approve: boolean) => noticesApi.decide(c.id, approve).then(campaigns.reload, fail);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t.notices.sendTitle}>
        <Form form={form} layout="vertical" initialValues={{ kind: me?.user.role === 'station_head' ? 'station' : 'county', channel: 'inapp', urgent: false, tierFrom: 20, tierTo: 30 }} onFinish={send} style={{ maxWidth: 640 }}>
          <Form.Item name="title" label={t.notices.title} rules={[{ required: true }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="body" label={t.notices.body} extra={t.notices.bodyHelp} rules={[{ required: true }]}>
            <Input.TextArea rows={4} maxLength={1000} />
          </Form.Item>
          <Form.Item name="kind" label={t.notices.audience}>
            <Radio.Group optionType="button" options={[
              { value: 'county', label: t.notices.audienceCounty },
              { value: 'station', label: t.notices.audienceStation },
              { value: 'tiers', label: t.notices.audienceTiers },
            ]} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
            {({ getFieldValue }) =>
              getFieldValue('kind') === 'station' ? (
                <Form.Item name="stationId" label={t.notices.audienceStation} rules={[{ required: true }]}>
                  <Select options={stations.map((s) => ({ value: s.id, label: s.name }))} style={{ maxWidth: 280 }} />
                </Form.Item>
              ) : getFieldValue('kind') === 'tiers' ? (
                <Space>
                  <Form.Item name="tierFrom" label={t.notices.tierFrom}><InputNumber min={1} max={30} /></Form.Item>
                  <Form.Item name="tierTo" label={t.notices.tierTo}><InputNumber min={1} max={30} /></Form.Item>
                </Space>
              ) : null
            }
          </Form.Item>
          <Form.Item name="channel" label={t.notices.channel}>
            <Radio.Group options={[{ value: 'inapp', label: t.notices.channelInapp }, { value: 'sms', label: t.notices.channelSms }, { value: 'wechat', label: t.notices.channelWechat }]} />
          </Form.Item>
          <Form.Item name="urgent" valuePropName="checked">
            <Checkbox>{t.notices.urgentBox}</Checkbox>
          </Form.Item>
          <Space wrap>
            <Select
              placeholder={t.notices.previewShop}
              style={{ width: 220 }}
              value={shopId}
              onChange={setShopId}
              options={(shops.data?.items ?? []).map((r) => ({ value: r.id, label: r.shopName }))}
            />
            <Button onClick={() => void doPreview()} data-testid="notice-preview">{t.notices.preview}</Button>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="notice-send">{t.notices.send}</Button>
          </Space>
        </Form>
        {preview && (
          <Card size="small" style={{ marginTop: 16, maxWidth: 640 }} title={`${preview.title} · ${preview.shopName}`}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{preview.body}</Typography.Paragraph>
            {preview.sms && (
              <Alert
                type={preview.sms.tooLong ? 'error' : 'info'}
                message={preview.sms.text}
                description={preview.sms.tooLong ? t.notices.smsTooLong.replace('{max}', String(preview.sms.maxChars)) : t.notices.smsLength.replace('{chars}', String(preview.sms.chars)).replace('{segments}', String(preview.sms.segments))}
              />
            )}
          </Card>
        )}
      </Card>
      <Card title={t.notices.campaigns} styles={{ body: { padding: 0 } }}>
        <Table<Campaign>
          rowKey="id"
          size="small"
          loading={campaigns.loading}
          dataSource={campaigns.data?.items ?? []}
          pagination={false}
          scroll={{ x: 600 }}
          columns={[
            { title: t.notices.title, dataIndex: 'title' },
            { title: t.notices.channel, dataIndex: 'channel', render: (c: string) => (c === 'sms' ? t.notices.channelSms : c === 'wechat' ? t.notices.channelWechat : t.notices.channelInapp) },
            { title: t.notices.recipients, dataIndex: 'recipients' },
            { title: t.notices.createdBy, dataIndex: 'createdBy' },
            {
              key: 'status',
              render: (_, c) => (
                <Space>
                  <Tag color={c.status === 'sent' ? 'green' : c.status === 'rejected' ? 'default' : 'orange'}>{t.notices.status[c.status]}</Tag>
                  {manager && c.status === 'pending_approval' && c.createdBy !== me?.user.displayName && (
                    <>
                      <Button size="small" type="primary" onClick={() => void decide(c, true)}>{t.notices.approve}</Button>
                      <Button size="small" onClick={() => void decide(c, false)}>{t.notices.reject}</Button>
                    </>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
