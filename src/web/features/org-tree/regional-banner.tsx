// Shown on every screen while a province or city user looks into a county: whose data it is, that it is
// read-only, and the way back to the roll-up (decision 1910).
import { useNavigate } from 'react-router-dom';
import { Alert, Button } from 'antd';
import { useT } from '../../i18n/i18n.js';
import { useSession } from '../../shell/session.js';
import { chooseCounty } from './org-tree-api.js';

export function RegionalBanner() {
  const { t } = useT();
  const { me, recheck } = useSession();
  const navigate = useNavigate();
  const county = me?.regional?.county;
  if (!me?.regional || !county) return null;
  const leave = () => {
    chooseCounty(null);
    recheck();
    navigate('/rollups');
  };
  return (
    <Alert
      type="warning"
      showIcon
      banner
      data-testid="regional-banner"
      title={t.orgTree.readOnly(county.name, me.regional.homeOrgName)}
      action={
        <Button size="small" onClick={leave} data-testid="leave-county">
          {t.orgTree.leave}
        </Button>
      }
    />
  );
}
