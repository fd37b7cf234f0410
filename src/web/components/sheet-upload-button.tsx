// Upload an Excel sheet; a refused file (422 with `rows`) opens the list of
// its bad cells (row, column, value, reason in the user's language) and
// nothing was written; anything else is one message.
import { useState, type ReactNode } from 'react';
import { App, Button, Modal, Table, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { ApiError } from '../api/client.js';
import { useT } from '../i18n/i18n.js';
import type { SheetRowError } from '../../shared/sheet-row-error.js';

export function SheetUploadButton<R>(props: {
  label: ReactNode;
  rejectedTitle: ReactNode;
  upload: (file: File) => Promise<R>;
  onUploaded: (result: R) => void;
  testId?: string;
}) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const [errors, setErrors] = useState<SheetRowError[] | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Upload
        accept=".xlsx"
        showUploadList={false}
        beforeUpload={async (file) => {
          setBusy(true);
          try {
            props.onUploaded(await props.upload(file));
          } catch (e) {
            if (e instanceof ApiError && Array.isArray(e.body.rows)) setErrors(e.body.rows as SheetRowError[]);
            else message.error(e instanceof ApiError ? e.text(lang) : t.common.unknownError);
          } finally {
            setBusy(false);
          }
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy} data-testid={props.testId}>
          {props.label}
        </Button>
      </Upload>
      <Modal open={!!errors} title={props.rejectedTitle} footer={null} onCancel={() => setErrors(null)} width={680}>
        <Table<SheetRowError>
          size="small"
          rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
          pagination={false}
          dataSource={errors ?? []}
          data-testid={props.testId ? `${props.testId}-errors` : undefined}
          columns={[
            { title: t.sheet.row, dataIndex: 'row', width: 60 },
            { title: t.sheet.column, dataIndex: 'column', width: 120 },
            { title: t.sheet.value, dataIndex: 'value', width: 120 },
            { title: t.sheet.problem, render: (_: unknown, e) => (lang === 'en' ? e.messageEn : e.message) },
          ]}
        />
      </Modal>
    </>
  );
}
