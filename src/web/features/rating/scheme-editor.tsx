// The rating scheme as JSON: edit, give a new version, save. The server checks
// it (weights summing, bands not overlapping, tier shares summing to 100%) and
// each refusal is listed with where it is and what to change.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Input, List, Space, Table, Typography } from 'antd';
import { ApiError } from '../../api/client.js';
import { ErrorResult } from '../../components/error-result.js';
import { useLoad } from '../../components/use-load.js';
import { useT } from '../../i18n/i18n.js';
import { useSession } from '../../shell/session.js';
import { getSchemes, saveScheme, type SchemeError } from './rating-api.js';

type Problem = { path: string; message: string };

export function SchemeEditor() {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const { can } = useSession();
  const loaded = useLoad(getSchemes, []);
  const [text, setText] = useState('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (loaded.data) setText(JSON.stringify(loaded.data.active, null, 2));
  }, [loaded.data]);

  if (loaded.error && !loaded.data) return <ErrorResult error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return null;

  const save = async () => {
    let scheme: unknown;
    try {
      scheme = JSON.parse(text);
    } catch {
      setProblems([{ path: '', message: t.rating.schemeBadJson }]);
      return;
    }
    setSaving(true);
    try {
      const res = await saveScheme(scheme, note);
      setProblems(null);
      message.success(t.rating.schemeSaved(res.version));
      loaded.reload();
    } catch (e) {
      if (e instanceof ApiError) {
        const errors = (e.body.errors as SchemeError[] | undefined) ?? [];
        const list = errors.length
          ? errors.map((x) => ({ path: x.path, message: lang === 'en' ? x.messageEn : x.message }))
          : e.details.length
            ? e.details.map((d) => ({ path: d.field, message: lang === 'en' ? d.messageEn : d.message }))
            : [{ path: '', message: e.text(lang) }];
        setProblems(list);
      } else throw e;
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="zy-card-grid">
      <Card size="small" title={t.rating.schemeActive(loaded.data.active.version)} style={{ gridColumn: '1 / -1' }}>
        <Typography.Paragraph type="secondary">{t.rating.schemeHint}</Typography.Paragraph>
        {problems && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 8 }}
            title={t.rating.schemeErrors}
            data-testid="scheme-errors"
            description={
              <List
                size="small"
                dataSource={problems}
                renderItem={(p) => (
                  <List.Item>
                    {p.path && <Typography.Text code>{p.path}</Typography.Text>} {p.message}
                  </List.Item>
                )}
              />
            }
          />
        )}
        <Input.TextArea
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoSize={{ minRows: 12, maxRows: 28 }}
          style={{ fontFamily: 'monospace', fontSize: 12 }}
          data-testid="scheme-json"
          disabled={!can('rating.manage')}
        />
        {can('rating.manage') && (
          <Space style={{ marginTop: 8 }} wrap>
            <Input placeholder={t.rating.note} value={note} onChange={(e) => setNote(e.target.value)} style={{ width: 260 }} />
            <Button type="primary" loading={saving} onClick={save} data-testid="scheme-save">
              {t.rating.schemeSave}
            </Button>
          </Space>
        )}
      </Card>
      <Card size="small" title={t.rating.versions}>
        <Table
          size="small"
          rowKey="version"
          pagination={false}
          dataSource={loaded.data.versions}
          columns={[
            { title: 'version', dataIndex: 'version' },
            { title: t.rating.note, dataIndex: 'note' },
            { title: t.rating.by, dataIndex: 'createdByName' },
            { title: t.rating.startedAt, key: 'at', render: (_, v) => new Date(v.createdAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en') },
          ]}
        />
      </Card>
    </div>
  );
}
