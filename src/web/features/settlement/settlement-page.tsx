// 电子结算: marketing reads the daily settlement report of a chosen day,
// sends failed deductions to the bank again and reconciles one-sided
// records; station heads and grid workers see the failed deductions of their
// own retailers, so the flag reaches them.
import { useState } from 'react';
import { Button, Input, Space, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { ErrorResult } from '../../components/error-result.js';
import { useLoad } from '../../components/use-load.js';
import { useT } from '../../i18n/i18n.js';
import { useSession } from '../../shell/session.js';
import { FailedDeductionsCard } from './failed-deductions-card.js';
import { MismatchesCard } from './mismatches-card.js';
import { SettlementReportCard } from './settlement-report-card.js';
import { settlementApi } from './settlement-api.js';

export function SettlementPage() {
  const { t } = useT();
  const s = t.settlement;
  const { me } = useSession();
  const manage = !!me?.permissions.includes('settlement.manage');
  const [date, setDate] = useState<string | undefined>();
  const report = useLoad(() => (manage ? settlementApi.report(date) : Promise.resolve(undefined)), [manage, date]);
  const failed = useLoad(settlementApi.failed, []);

  if (failed.error) return <ErrorResult error={failed.error} onRetry={failed.reload} />;
  if (report.error) return <ErrorResult error={report.error} onRetry={report.reload} />;
  const reload = () => {
    failed.reload();
    report.reload();
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="settlement-page">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {s.title}
        </Typography.Title>
        <Space wrap>
          {manage && (
            <Input
              type="date"
              aria-label={s.date}
              value={date ?? report.data?.date ?? ''}
              onChange={(e) => e.target.value && setDate(e.target.value)}
              style={{ width: 172 }}
              data-testid="settlement-date"
            />
          )}
          <Button icon={<ReloadOutlined />} onClick={reload} aria-label={t.common.reload} />
        </Space>
      </Space>
      {manage && <SettlementReportCard report={report.data} loading={report.loading} />}
      <FailedDeductionsCard data={failed.data} loading={failed.loading} canRetry={manage} onChanged={reload} />
      {manage && <MismatchesCard report={report.data} loading={report.loading} />}
    </Space>
  );
}
