// The bell in the header of every screen: unread count, refreshed every
// minute and at once when the inbox changes; a tap opens the inbox.
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Badge, Button, Tooltip } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/i18n.js';
import { NOTICES_CHANGED, noticesApi } from './notices-api.js';

export function NoticeBell() {
  const { t } = useT();
  const navigate = useNavigate();
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    let alive = true;
    const load = () => noticesApi.unread().then((r) => alive && setUnread(r.unread), () => undefined);
    load();
    const timer = setInterval(load, 60_000);
    window.addEventListener(NOTICES_CHANGED, load);
    return () => {
      alive = false;
      clearInterval(timer);
      window.removeEventListener(NOTICES_CHANGED, load);
    };
  }, []);
  return (
    <Tooltip title={t.notices.bell}>
      <Button type="text" aria-label={t.notices.bell} data-testid="notice-bell" onClick={() => navigate('/notices')}>
        <Badge count={unread} size="small" overflowCount={99} data-testid="notice-unread">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Tooltip>
  );
}
