// A notice on the first screen for staff whose retailers have a failed
// deduction, so the flag reaches the grid worker without opening 电子结算.
import { Alert, Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useLoad } from '../../components/use-load.js';
import { useT } from '../../i18n/i18n.js';
import { useSession } from '../../shell/session.js';
import { settlementApi } from './settlement-api.js';

export function FailedDeductionsNotice() {
  const { t } = useT();
  const { me } = useSession();
  const navigate = useNavigate();
  const allowed = !!me?.permissions.includes('settlement.read') && !!me?.menu.includes('settlement');
  const failed = useLoad(() => (allowed ? settlementApi.failed() : Promise.resolve(undefined)), [allowed]);
  const n = failed.data?.failed ?? 0;
  if (!n) return null;
  const manage = me?.permissions.includes('settlement.manage');
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      message={manage ? t.settlement.managerNotice(n) : t.settlement.workerNotice(n)}
      action={
        <Button size="small" onClick={() => navigate('/settlement')}>
          {t.settlement.view}
        </Button>
      }
      data-testid="failed-deductions-notice"
    />
  );
}
