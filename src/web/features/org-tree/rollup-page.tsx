// 省市汇总: a province by city, a city by county, one tab per screen that makes
// sense above a county (retailers, star ratings, supply and stock-outs,
// settlement, visit progress, complaints and deadlines), a retailer search
// over the whole subtree, and the drill-down: a city opens its counties, a
// county opens that county's own screens read-only (decision 1910).
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Breadcrumb, Button, Card, Input, Select, Space, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { ErrorResult } from '../../components/error-result.js';
import { usePhone } from '../../components/phone-layout.js';
import { useLoad } from '../../components/use-load.js';
import { useT } from '../../i18n/i18n.js';
import { toQuery } from '../../api/client.js';
import { useSession } from '../../shell/session.js';
import { formatYuan } from '../../../shared/money.js';
import { formatDateTime } from '../../../shared/format.js';
import { ROLLUP_SCREENS } from '../../../shared/org-tree.js';
import { RateTag } from '../ordering-stats/stats-tables.js';
import { chooseCounty, orgTreeApi, type RollupRowData, type SearchData } from './org-tree-api.js';
import { RulesCard } from './rules-card.js';
import { RollupProducts } from './rollup-products.js';

type Screen = (typeof ROLLUP_SCREENS)[number];
/** Where a county's own screen for each roll-up is. */
const countyScreen: Record<Screen, string> = {
  retailers: '/retailers',
  ratings: '/ratings',
  supply: '/ordering-stats',
  settlement: '/settlement',
  visits: '/visit-progress',
  desk: '/desk-stats',
  measures: '/measures',
};

export function RollupPage() {
  const { t, lang } = useT();
  const s = t.orgTree;
  const phone = usePhone();
  const { recheck } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const parent = params.get('parent') ? Number(params.get('parent')) : undefined;
  const screen = (ROLLUP_SCREENS as readonly string[]).includes(params.get('screen') ?? '') ? (params.get('screen') as Screen) : 'supply';
  const data = useLoad(() => orgTreeApi.rollup(parent), [parent]);
  const tree = useLoad(() => orgTreeApi.tree(), []);
  const [refreshing, setRefreshing] = useState(false);
  const [found, setFound] = useState<SearchData | null>(null);

  const go = (next: { parent?: number; screen?: Screen }) => {
    const p = new URLSearchParams(params);
    if ('parent' in next) {
      if (next.parent === undefined) p.delete('parent');
      else p.set('parent', String(next.parent));
    }
    if (next.screen) p.set('screen', next.screen);
    setParams(p);
  };
  const openCounty = (orgId: number, to = countyScreen[screen]) => {
    chooseCounty(orgId);
    recheck();
    navigate(to);
  };
  const refresh = async () => {
    setRefreshing(true);
    try {
      await orgTreeApi.refresh();
      await new Promise((r) => setTimeout(r, 1500));
      data.reload();
    } finally {
      setRefreshing(false);
    }
  };

  if (data.error) return <ErrorResult error={data.error} onRetry={data.reload} />;
  const d = data.data;
  const nodes = tree.data?.nodes ?? [];
  const path: { orgId: number; name: string }[] = [];
  for (let n = d ? nodes.find((x) => x.orgId === d.parent.orgId) : undefined; n; n = nodes.find((x) => x.orgId === n!.parentId)) {
    path.unshift(n);
    if (n.orgId === tree.data?.home.orgId) break;
  }

  const columns: TableColumnsType<RollupRowData> = [
    {
      title: s.name,
      dataIndex: 'name',
      fixed: 'left',
      width: 200,
      render: (name: string, r) =>
        r.level === 'county' ? (
          <Button type="link" style={{ padding: 0 }} onClick={() => openCounty(r.orgId)} data-testid={`drill-county-${r.orgId}`}>
            {name}
          </Button>
        ) : (
          <Button type="link" style={{ padding: 0 }} onClick={() => go({ parent: r.orgId })} data-testid={`drill-city-${r.orgId}`}>
            {name}
          </Button>
        ),
    },
    ...(d?.parent.level === 'province' ? [{ title: s.counties, dataIndex: 'counties', align: 'right' as const, width: 80 }] : []),
    ...screenColumns(screen, s),
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="rollup-page">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {s.title} · {d?.parent.name ?? ''}
        </Typography.Title>
        <Space wrap>
          {/* The file of what this page sums: the company (or the city opened) by city and county (decision 1928). */}
          <Button icon={<DownloadOutlined />} href={`/api/rollups/export${toQuery({ parentId: parent, format: 'xlsx', lang })}`} data-testid="rollup-export">
            {s.export}
          </Button>
          <Button href={`/api/rollups/export${toQuery({ parentId: parent, format: 'csv', lang })}`}>{s.exportCsv}</Button>
          <Button icon={<ReloadOutlined />} loading={refreshing} onClick={refresh}>
            {refreshing ? s.refreshing : s.refresh}
          </Button>
        </Space>
      </Space>
      <Breadcrumb
        items={path.map((n, i) => ({
          title:
            i < path.length - 1 ? (
              <a onClick={() => go({ parent: n.orgId === tree.data?.home.orgId ? undefined : n.orgId })}>{n.name}</a>
            ) : (
              n.name
            ),
        }))}
      />
      {phone ? (
        // Six long tab names do not fit a phone: half of them hid behind the tab bar's "…"; a select shows them all.
        <Select<Screen>
          data-testid="rollup-screen"
          value={screen}
          onChange={(k) => go({ screen: k })}
          options={ROLLUP_SCREENS.map((k) => ({ value: k, label: s.screens[k] }))}
          style={{ width: '100%', marginBottom: 12 }}
          size="large"
        />
      ) : (
        <Tabs activeKey={screen} onChange={(k) => go({ screen: k as Screen })} items={ROLLUP_SCREENS.map((k) => ({ key: k, label: s.screens[k] }))} />
      )}
      {d && d.total.missing > 0 && <Alert type="info" showIcon title={s.missing(d.total.missing)} />}
      <Table<RollupRowData>
        rowKey="orgId"
        size="small"
        loading={data.loading}
        dataSource={d?.rows ?? []}
        columns={columns}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="rollup-table"
        summary={() =>
          d ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <b>{s.total}</b>
              </Table.Summary.Cell>
              {columns.slice(1).map((c, i) => (
                <Table.Summary.Cell index={i + 1} key={i} align="right">
                  {cellOf(c, d.total)}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          ) : null
        }
      />
      <Typography.Text type="secondary">
        {s.computedAt} {d?.total.computedAt ? formatDateTime(d.total.computedAt) : '—'}
      </Typography.Text>
      {screen === 'supply' && d && d.products.length > 0 && <RollupProducts products={d.products} />}
      <Card size="small" title={s.search}>
        <Input.Search allowClear enterButton aria-label={s.search} onSearch={async (q) => setFound(q.trim().length >= 2 ? await orgTreeApi.search(q) : null)} data-testid="rollup-search" />
        {found && (
          <Space orientation="vertical" style={{ width: '100%', marginTop: 8 }}>
            <Typography.Text>{s.searchResult(found.counties.length)}</Typography.Text>
            <Table
              rowKey="orgId"
              size="small"
              pagination={false}
              dataSource={found.counties}
              columns={[
                { title: s.city, dataIndex: 'cityName', render: (v: string | null) => v ?? '—' },
                { title: s.county, dataIndex: 'name', render: (v: string, r) => <Button type="link" style={{ padding: 0 }} onClick={() => openCounty(r.orgId, '/retailers')}>{v}</Button> },
                { title: s.matches, dataIndex: 'matches', align: 'right' },
              ]}
            />
            <Table
              rowKey="id"
              size="small"
              pagination={{ pageSize: 10 }}
              dataSource={found.items}
              columns={[
                { title: s.shop, dataIndex: 'name', render: (v: string, r) => <Button type="link" style={{ padding: 0 }} onClick={() => openCounty(r.orgId, `/retailers/${r.id}`)}>{v}</Button> },
                { title: s.county, dataIndex: 'countyName' },
                { title: s.code, dataIndex: 'customerCode' },
                { title: s.address, dataIndex: 'address' },
              ]}
            />
          </Space>
        )}
      </Card>
      <RulesCard />
    </Space>
  );
}

type Col = TableColumnsType<RollupRowData>[number] & { value?: (r: RollupRowData) => React.ReactNode };

function cellOf(c: TableColumnsType<RollupRowData>[number], r: RollupRowData): React.ReactNode {
  return (c as Col).value?.(r) ?? null;
}

function screenColumns(screen: Screen, s: ReturnType<typeof useT>['t']['orgTree']): Col[] {
  const col = (title: string, value: (r: RollupRowData) => React.ReactNode): Col => ({ title, align: 'right', value, render: (_: unknown, r: RollupRowData) => value(r) });
  switch (screen) {
    case 'retailers':
      return [col(s.retailers, (r) => r.retailers.total), col(s.active, (r) => r.retailers.active)];
    case 'ratings':
      return [
        ...[0, 1, 2, 3, 4, 5, 6].map((i) => col(s.stars(i), (r) => r.stars[i] ?? 0)),
        // How far each county's own monthly rating and nightly measures are (one job per county, decisions 1924–1925).
        col(s.ratingPublished, (r) => r.runs?.ratingPublished ?? '—'),
        col(s.ratingDraft, (r) => r.runs?.ratingDraft ?? '—'),
        col(s.measuresAsOf, (r) => r.runs?.measuresAsOf ?? '—'),
      ];
    case 'supply':
      return [
        col(s.week, (r) => r.supply.weekStart ?? '—'),
        col(s.demandLines, (r) => r.supply.demandLines),
        col(s.stockoutLines, (r) => r.supply.stockoutLines),
        col(s.stockoutRate, (r) => <RateTag pct={r.stockoutRatePct} bad={(r.stockoutRatePct ?? 0) >= 20} />),
        col(s.sellThrough, (r) => <RateTag pct={r.sellThroughPct} bad={r.sellThroughPct != null && r.sellThroughPct < 60} />),
      ];
    case 'settlement':
      return [col(s.failedOrders, (r) => r.settlement.failedOrders), col(s.failedAmount, (r) => formatYuan(r.settlement.failedAmount))];
    case 'visits':
      return [col(s.planned, (r) => r.visits.planned), col(s.done, (r) => r.visits.done), col(s.donePct, (r) => <RateTag pct={r.visitsDonePct} />)];
    case 'desk':
      return [col(s.open, (r) => r.desk.open), col(s.overdue, (r) => r.desk.overdue), col(s.closed30d, (r) => r.desk.closed30d)];
    case 'measures':
      return [
        col(s.measuresAsOf, (r) => r.measures?.asOf ?? '—'),
        col(s.measuredShops, (r) => r.measures?.shops ?? 0),
        col(s.satisfactionAvg, (r) => r.satisfactionAvg ?? '—'),
        col(s.loyaltyAvg, (r) => r.loyaltyAvg ?? '—'),
        col(s.dependenceAvg, (r) => r.dependenceAvg ?? '—'),
      ];
  }
}
