// The grid worker's phone screen: today's route on a map and as a list, the
// outbox of visits waiting for signal, and a sheet per stop for navigating,
// checking in and recording the visit. The last route loaded is kept on the
// phone so the screen opens without signal.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Badge, Button, Card, Empty, List, Space, Spin, Tag, Typography, message } from 'antd';
import { CarOutlined, CloudSyncOutlined, DisconnectOutlined, ShoppingCartOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import type { DayRoute } from '../../../shared/visits.js';
import type { Org } from '../../../shared/org.js';
import { getDayRoute } from '../visit-progress/visits-api.js';
import { getOrg } from '../../api/endpoints.js';
import { useT } from '../../i18n/i18n.js';
import { ErrorResult } from '../../components/error-result.js';
import { RouteMap } from './route-map.js';
import { FollowUpList } from './follow-up-list.js';
import { VisitSheet } from './visit-sheet.js';
import { useOutbox } from './use-outbox.js';
import { fieldOutbox } from './idb-outbox.js';
import { clock, navigationUrl } from './field-geo.js';
import type { OutboxItem } from './visit-outbox.js';
import { usePhone } from '../../components/phone-layout.js';

const ROUTE_KEY = 'zhiyin.field.route';
const ORG_KEY = 'zhiyin.field.org';

function cached<T>(key: string): T | undefined {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}
function keep(key: string, value: unknown) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // storage full: the screen still works online
  }
}

export function FieldPage() {
  const { t } = useT();
  const phone = usePhone();
  const v = t.visits;
  const [route, setRoute] = useState<DayRoute | undefined>(() => cached<DayRoute>(ROUTE_KEY));
  const [org, setOrg] = useState<Org | undefined>(() => cached<Org>(ORG_KEY));
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<number | null>(null);
  const [loads, setLoads] = useState(0);
  const navigate = useNavigate();

  const load = useCallback(async () => {
    try {
      const [r, o] = await Promise.all([getDayRoute(), getOrg()]);
      setRoute(r);
      setOrg(o);
      setLoads((n) => n + 1);
      setError(null);
      keep(ROUTE_KEY, r);
      keep(ORG_KEY, o);
    } catch (e) {
      setError(e);
    }
  }, []);
  const outbox = useOutbox(load);
  useEffect(() => void load(), [load]);
  // No calendar yet: a job is making it; ask again until it is there.
  const planning = route?.planning ?? null;
  useEffect(() => {
    if (!planning) return;
    const timer = setTimeout(() => void load(), 2000);
    return () => clearTimeout(timer);
  }, [planning, loads, load]);

  const queued = useMemo(() => new Set(outbox.pending.map((i) => i.retailerId)), [outbox.pending]);
  const record = useCallback(
    async (item: OutboxItem) => {
      await outbox.add(item);
      const left = await fieldOutbox().all();
      const still = left.find((i) => i.id === item.id);
      if (!still) message.success(v.saved);
      else if (still.rejected) message.error(`${v.rejected}: ${still.rejected.message}`);
      else message.info(v.queued);
    },
    [outbox, v],
  );

  if (!route && error) return <ErrorResult error={error} onRetry={load} />;
  if (!route || !org) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  const stop = route.stops.find((s) => s.retailer.id === open);
  const doneCount = route.stops.filter((s) => s.visit?.status === 'done' || queued.has(s.retailer.id)).length;

  return (
    <div className="zy-field" data-testid="field-page">
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {v.fieldTitle}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="route-summary">
            {v.routeOf(route.worker.name, route.date)}
            {/* While the day is being planned there is no count or distance yet: say nothing rather than "0/0 · 0 km". */}
            {planning ? '' : ` · ${v.summary(doneCount, route.summary.planned, route.summary.km)}`}
          </Typography.Text>
        </div>
        {(!outbox.online || outbox.pending.length > 0) && (
          <Alert
            type={outbox.online ? 'info' : 'warning'}
            showIcon
            icon={outbox.online ? <CloudSyncOutlined /> : <DisconnectOutlined />}
            title={`${outbox.online ? '' : v.offline + ' · '}${outbox.pending.length ? v.pending(outbox.pending.length) : v.allSynced}`}
            action={
              outbox.pending.length > 0 && (
                <Button size="small" loading={outbox.syncing} onClick={() => void outbox.sync()}>
                  {v.syncNow}
                </Button>
              )
            }
            data-testid="outbox-banner"
          />
        )}
        {outbox.rejected.map((i) => (
          <Alert key={i.id} type="error" showIcon title={`${i.shopName}: ${v.rejected}`} description={i.rejected?.message} />
        ))}
        {planning ? (
          <Alert type="info" showIcon icon={<Spin size="small" />} title={v.planningRoute} data-testid="route-planning" />
        ) : route.stops.length === 0 ? (
          <Empty description={v.noStops} />
        ) : (
          <>
            <Card size="small" styles={{ body: { padding: 0 } }}>
              <RouteMap org={org} route={route} height={240} onPick={setOpen} meLabel={v.youAreHere} depotBadge={v.stationBadge} />
              <div className="zy-route-legend" data-testid="route-legend">
                <span><i style={{ background: '#1f5f9e' }} />{v.legendTodo}</span>
                <span><i style={{ background: '#d48806' }} />{v.statusCheckedIn}</span>
                <span><i style={{ background: '#389e0d' }} />✓ {v.legendDone}</span>
                <span><i style={{ background: '#1677ff', borderRadius: '50%' }} />{v.youAreHere}</span>
              </div>
            </Card>
            <List
              dataSource={route.stops}
              data-testid="route-list"
              renderItem={(s) => {
                const state = queued.has(s.retailer.id) ? 'queued' : s.visit?.status === 'done' ? 'done' : s.visit ? 'checkedIn' : 'todo';
                const tag = {
                  queued: <Tag color="orange">{v.statusQueued}</Tag>,
                  done: <Tag color="green">{v.statusDone}</Tag>,
                  checkedIn: <Tag color="gold">{v.statusCheckedIn}</Tag>,
                  todo: <Tag>{v.statusTodo}</Tag>,
                }[state];
                return (
                  <List.Item
                    className="zy-stop"
                    data-testid={`stop-${s.retailer.id}`}
                    data-state={state}
                    onClick={() => setOpen(s.retailer.id)}
                    actions={[
                      <Button
                        key="order"
                        type="text"
                        icon={<ShoppingCartOutlined />}
                        aria-label={t.ordering.visitOrder}
                        title={t.ordering.visitOrder}
                        data-testid={`order-${s.retailer.id}`}
                        onClick={(e) => {
                          e.stopPropagation();
                          navigate(`/field/order/${s.retailer.id}`);
                        }}
                      >
                        {/* On a wide screen the actions say what they do; a phone keeps the icons (named for screen readers). */}
                        {!phone && t.ordering.visitOrder}
                      </Button>,
                      <Button
                        key="nav"
                        type="text"
                        icon={<CarOutlined />}
                        href={navigationUrl(s.retailer, s.retailer.shopName)}
                        target="_blank"
                        rel="noreferrer"
                        aria-label={v.navigate}
                        title={v.navigate}
                        onClick={(e) => e.stopPropagation()}
                      >
                        {!phone && v.navigate}
                      </Button>,
                    ]}
                  >
                    <List.Item.Meta
                      avatar={<Badge count={state === 'done' || state === 'queued' ? `${s.seq}✓` : s.seq} color={state === 'todo' ? '#1f5f9e' : state === 'done' ? '#389e0d' : '#d48806'} />}
                      title={
                        <Space size={4} wrap>
                          <span>{s.retailer.shopName}</span>
                          {s.retailer.keyCustomer && <Tag color="gold">{v.keyCustomer}</Tag>}
                        </Space>
                      }
                      description={
                        <Space size={6} wrap>
                          <span>{clock(s.plannedStart)}</span>
                          {tag}
                        </Space>
                      }
                    />
                  </List.Item>
                );
              }}
            />
          </>
        )}
        <FollowUpList refreshKey={loads} />
      </Space>
      {stop && (
        <VisitSheet
          key={stop.retailer.id}
          stop={stop}
          radiusM={route.checkInRadiusM}
          newProducts={route.newProducts}
          launch={route.launches?.find((l) => l.retailerIds.includes(stop.retailer.id))}
          queued={queued.has(stop.retailer.id)}
          onClose={() => setOpen(null)}
          onRecorded={record}
        />
      )}
    </div>
  );
}
