// 导入专卖评分: a sheet of 客户编码, 月份, 专卖评分, 处罚次数; a refused file lists its bad rows.
import { App } from 'antd';
import { useT } from '../../i18n/i18n.js';
import { SheetUploadButton } from '../../components/sheet-upload-button.js';
import { importCompliance } from './rating-api.js';

export function ComplianceImportButton() {
  const { t } = useT();
  const { message } = App.useApp();
  return (
    <SheetUploadButton
      label={t.adjust.importCompliance}
      rejectedTitle={t.adjust.importRejected}
      testId="compliance-import"
      upload={importCompliance}
      onUploaded={(res) => message.success(t.adjust.imported(res.saved))}
    />
  );
}
