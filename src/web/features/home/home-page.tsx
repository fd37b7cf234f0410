// 今日: the "today" home every role lands on (issue 17 item 5). One request
// (GET /api/home) answers the role's items; to-dos first (most urgent first),
// then what to keep an eye on, then the scope's key figures.
import { Button, Col, Row, Space, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/i18n.js';
import { useSession } from '../../shell/session.js';
import { useLoad } from '../../components/use-load.js';
import { ErrorResult } from '../../components/error-result.js';
import { usePhone } from '../../components/phone-layout.js';
import { HOME_GROUPS } from '../../../shared/home-items.js';
import { homeApi, type HomeItemWire } from './home-api.js';
import { HomeCard } from './home-card.js';

// Overdue things first, nothing-to-do last; otherwise the registry's order (the worker's stops lead).
const urgency = (i: HomeItemWire) => (i.tone === 'danger' ? 0 : i.count > 0 || (i.total ?? 0) > 0 ? 1 : 2);

function greeting(h: { morning: string; afternoon: string; evening: string }): string {
  const hour = (new Date().getUTCHours() + 8) % 24;
  return hour < 12 ? h.morning : hour < 18 ? h.afternoon : h.evening;
}

export function HomePage() {
  const { t } = useT();
  const h = t.home;
  const { me } = useSession();
  const phone = usePhone();
  const home = useLoad(homeApi.get, []);
  if (home.error && !home.data) return <ErrorResult error={home.error} onRetry={home.reload} />;
  const data = home.data;
  const weekday = data ? h.weekdays[(new Date(`${data.today}T00:00:00Z`).getUTCDay() + 6) % 7] : '';
  return (
    <div data-testid="home">
      <div style={{ display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: 8, marginBottom: 12 }}>
        <div>
          <Typography.Title level={4} className="zy-page-title" style={{ marginBottom: 2 }}>
            {h.greet(greeting(h), me?.user.displayName ?? '')}
          </Typography.Title>
          {data && <Typography.Text type="secondary">{h.todayIs(data.today, weekday)}</Typography.Text>}
        </div>
        <Button icon={<ReloadOutlined />} onClick={home.reload} loading={home.loading} aria-label={h.refresh}>
          {phone ? null : h.refresh}
        </Button>
      </div>
      {HOME_GROUPS.map((group) => {
        const items = (data?.items ?? []).filter((i) => i.group === group);
        if (group === 'todo') items.sort((a, b) => urgency(a) - urgency(b));
        if (!items.length) return null;
        const figures = group === 'figures';
        return (
          <section key={group} style={{ marginBottom: 16 }} data-testid={`home-group-${group}`}>
            <Typography.Title level={5} style={{ margin: '4px 0 8px' }}>
              {h[group]}
            </Typography.Title>
            <Row gutter={[12, 12]}>
              {items.map((item) => (
                <Col key={item.key} xs={24} sm={12} xl={figures ? 6 : 8}>
                  <HomeCard item={item} today={data!.today} rows={figures ? 3 : phone ? 4 : 5} />
                </Col>
              ))}
            </Row>
          </section>
        );
      })}
      {!data && home.loading && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">…</Typography.Text>
        </Space>
      )}
    </div>
  );
}
