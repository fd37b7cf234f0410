// The week's supply from an Excel sheet: download the template (every
// product with the plan's figures), upload it back; a refused file lists its
// bad rows (row, column, reason) and nothing is written.
import { useState } from 'react';
import { App, Button, Modal, Space, Table, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { ApiError } from '../../api/client.js';
import { useT } from '../../i18n/i18n.js';
import type { PlanImportRowError } from '../../../shared/order-corrections.js';
import { correctionsApi } from './corrections-api.js';

export function PlanImportButton({ planId, onImported }: { planId: number; onImported: () => void }) {
  const { t, lang } = useT();
  const c = t.corrections;
  const { message } = App.useApp();
  const [errors, setErrors] = useState<PlanImportRowError[] | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Space wrap>
      <Button icon={<DownloadOutlined />} href={correctionsApi.planTemplateUrl(planId)} data-testid="plan-template">
        {c.template}
      </Button>
      <Upload
        accept=".xlsx"
        showUploadList={false}
        beforeUpload={async (file) => {
          setBusy(true);
          try {
            const res = await correctionsApi.importPlan(planId, file);
            message.success(c.imported(res), 6);
            onImported();
          } catch (e) {
            if (e instanceof ApiError && Array.isArray(e.body.rows)) setErrors(e.body.rows as PlanImportRowError[]);
            else message.error(e instanceof ApiError ? e.text(lang) : String(e));
          } finally {
            setBusy(false);
          }
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy} data-testid="plan-import">
          {c.importPlan}
        </Button>
      </Upload>
      <Modal open={!!errors} title={c.importRejected} footer={null} onCancel={() => setErrors(null)} width={680}>
        <Table<PlanImportRowError>
          size="small"
          rowKey={(e) => `${e.row}-${e.column}`}
          pagination={false}
          dataSource={errors ?? []}
          data-testid="plan-import-errors"
          columns={[
            { title: c.row, dataIndex: 'row', width: 60 },
            { title: c.column, dataIndex: 'column', width: 120 },
            { title: c.value, dataIndex: 'value', width: 120 },
            { title: c.problem, render: (_: unknown, e) => (lang === 'en' ? e.messageEn : e.message) },
          ]}
        />
      </Modal>
    </Space>
  );
}
