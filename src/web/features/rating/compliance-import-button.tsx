// 导入专卖评分: a sheet of 客户编码, 月份, 专卖评分, 处罚次数; a refused file lists its bad rows.
import { useState } from 'react';
import { App, Button, Modal, Table, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { ApiError } from '../../api/client.js';
import { useT } from '../../i18n/i18n.js';
import { importCompliance } from './rating-api.js';

type RowError = { row: number; column: string; value: string; message: string };

export function ComplianceImportButton() {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const [errors, setErrors] = useState<RowError[] | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Upload
        accept=".xlsx"
        showUploadList={false}
        beforeUpload={async (file) => {
          setBusy(true);
          try {
            const res = await importCompliance(file);
            message.success(t.adjust.imported(res.saved));
          } catch (e) {
            if (e instanceof ApiError && Array.isArray(e.body.errors)) setErrors(e.body.errors as RowError[]);
            else message.error(e instanceof ApiError ? e.text(lang) : t.common.unknownError);
          } finally {
            setBusy(false);
          }
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy}>
          {t.adjust.importCompliance}
        </Button>
      </Upload>
      <Modal open={!!errors} title={t.adjust.importRejected} footer={null} onCancel={() => setErrors(null)} width={640}>
        <Table
          size="small"
          rowKey={(e) => `${e.row}-${e.column}`}
          pagination={false}
          dataSource={errors ?? []}
          columns={[
            { title: '#', dataIndex: 'row', width: 60 },
            { title: t.adjust.column, dataIndex: 'column' },
            { title: t.adjust.value, dataIndex: 'value' },
            { title: t.adjust.problem, dataIndex: 'message' },
          ]}
        />
      </Modal>
    </>
  );
}
