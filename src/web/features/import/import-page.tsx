// 批量导入: upload an .xlsx/.csv; the whole file is imported or nothing, and a
// rejection comes back as a row-by-row report.
import { useState } from 'react';
import { Alert, Button, Card, Grid, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { ApiError } from '../../api/client.js';
import { IMPORT_TEMPLATE_URL, importRetailers, type ImportResult, type ImportRowError } from '../../api/endpoints.js';
import { useT } from '../../i18n/i18n.js';

type Outcome = { kind: 'ok'; result: ImportResult } | { kind: 'rejected'; message: string; rows: ImportRowError[] } | { kind: 'error'; message: string };

const ACCEPT = '.xlsx,.csv';

export function ImportPage() {
  const { t, lang } = useT();
  const [busy, setBusy] = useState(false);
  const [fileName, setFileName] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // On a phone the value goes under the column name, so the reason fits beside them without scrolling.
  const phone = !Grid.useBreakpoint().md;
  const shown = (v: unknown) => (v === null || v === undefined || v === '' ? t.common.dash : String(v));

  const upload = async (file: File) => {
    if (!/\.(xlsx|csv)$/i.test(file.name)) {
      setOutcome({ kind: 'error', message: t.importPage.wrongType });
      return;
    }
    setBusy(true);
    setFileName(file.name);
    setOutcome(null);
    try {
      setOutcome({ kind: 'ok', result: await importRetailers(file) });
    } catch (e) {
      if (e instanceof ApiError && Array.isArray(e.body.rows)) {
        setOutcome({ kind: 'rejected', message: e.text(lang), rows: e.body.rows as ImportRowError[] });
      } else if (e instanceof ApiError) {
        setOutcome({ kind: 'error', message: e.status === 0 ? t.common.networkError : e.text(lang) });
      } else setOutcome({ kind: 'error', message: t.common.unknownError });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <Typography.Title level={4} className="zy-page-title">
        {t.importPage.title}
      </Typography.Title>
      <Card>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Typography.Paragraph style={{ margin: 0 }}>{t.importPage.intro}</Typography.Paragraph>
          <Button icon={<DownloadOutlined />} href={IMPORT_TEMPLATE_URL} data-testid="import-template">
            {t.importPage.template}
          </Button>
          <Upload.Dragger
            accept={ACCEPT}
            multiple={false}
            showUploadList={false}
            disabled={busy}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
            data-testid="import-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{busy ? t.importPage.uploading : t.importPage.drop}</p>
            <p className="ant-upload-hint">{fileName ?? t.importPage.dropHint}</p>
          </Upload.Dragger>
          {outcome?.kind === 'ok' && (
            <Alert
              type="success"
              showIcon
              title={t.importPage.success(outcome.result.created, outcome.result.updated, outcome.result.total)}
              description={
                outcome.result.unchanged || outcome.result.ignoredColumns.length
                  ? [
                      outcome.result.unchanged ? t.importPage.unchanged(outcome.result.unchanged) : '',
                      outcome.result.ignoredColumns.length ? t.importPage.ignoredColumns(outcome.result.ignoredColumns.join(t.punct.listSep)) : '',
                    ]
                      .filter(Boolean)
                      .join(t.punct.semicolon)
                  : undefined
              }
              data-testid="import-success"
            />
          )}
          {outcome?.kind === 'error' && <Alert type="error" showIcon title={outcome.message} data-testid="import-error" />}
          {outcome?.kind === 'rejected' && (
            <div data-testid="import-rejected">
              <Alert
                type="error"
                showIcon
                title={t.importPage.rejectedTitle}
                description={`${outcome.message}${t.punct.paren(t.importPage.rejectedCount(outcome.rows.length))}`}
                style={{ marginBottom: 12 }}
              />
              <Table<ImportRowError>
                size="small"
                rowKey={(r, i) => `${r.row}-${r.column}-${i}`}
                dataSource={outcome.rows}
                pagination={{ pageSize: 50, hideOnSinglePage: true }}
                scroll={phone ? undefined : { x: 600 }}
                columns={[
                  { key: 'row', dataIndex: 'row', title: t.importPage.row, width: phone ? 52 : 70 },
                  phone
                    ? {
                        key: 'column',
                        title: t.importPage.column,
                        width: 110,
                        render: (_: unknown, r: ImportRowError) => (
                          <>
                            <div>{r.column}</div>
                            <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>
                              {shown(r.value)}
                            </Typography.Text>
                          </>
                        ),
                      }
                    : { key: 'column', dataIndex: 'column', title: t.importPage.column, width: 140 },
                  ...(phone
                    ? []
                    : [{ key: 'value', dataIndex: 'value', title: t.importPage.value, width: 180, ellipsis: true, render: (v: unknown) => shown(v) }]),
                  {
                    key: 'problem',
                    title: t.importPage.problem,
                    render: (_: unknown, r: ImportRowError) => <Typography.Text type="danger">{lang === 'en' ? r.messageEn : r.message}</Typography.Text>,
                  },
                ]}
              />
            </div>
          )}
        </Space>
      </Card>
    </div>
  );
}
