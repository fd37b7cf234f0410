// The week's supply from an Excel sheet: download the template (every
// product with the plan's figures), upload it back; a refused file lists its
// bad rows (row, column, reason) and nothing is written.
import { App, Button, Space } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/i18n.js';
import { SheetUploadButton } from '../../components/sheet-upload-button.js';
import { correctionsApi } from './corrections-api.js';

export function PlanImportButton({ planId, onImported }: { planId: number; onImported: () => void }) {
  const { t } = useT();
  const c = t.corrections;
  const { message } = App.useApp();
  return (
    <Space wrap>
      <Button icon={<DownloadOutlined />} href={correctionsApi.planTemplateUrl(planId)} data-testid="plan-template">
        {c.template}
      </Button>
      <SheetUploadButton
        label={c.importPlan}
        rejectedTitle={c.importRejected}
        testId="plan-import"
        upload={(file) => correctionsApi.importPlan(planId, file)}
        onUploaded={(res) => {
          message.success(c.imported(res), 6);
          onImported();
        }}
      />
    </Space>
  );
}
