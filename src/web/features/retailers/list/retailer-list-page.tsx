// 零售户档案: search (debounced), filters and sort kept in the URL, server
// paging. A table on desktops, a list of cards on phones.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { Badge, Button, Drawer, Empty, Grid, Input, Pagination, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { ClearOutlined, DownloadOutlined, FilterOutlined, LockOutlined } from '@ant-design/icons';
import { labelOf } from '../../../../shared/codes.js';
import type { RetailerListItem } from '../../../../shared/retailer.js';
import { exportUrl, findRetailers } from '../../../api/endpoints.js';
import { ErrorResult } from '../../../components/error-result.js';
import { MaskedHint, StarBadge, StatusTag } from '../../../components/retailer-tags.js';
import { useLoad } from '../../../components/use-load.js';
import { useT } from '../../../i18n/i18n.js';
import { useSession } from '../../../shell/session.js';
import { useOrgLists } from '../use-org-lists.js';
import { ListFilters } from './list-filters.js';
import { apiQuery, filterQuery, hasFilters, readListParams, withFilters, writeListParams, type ListParams } from './list-params.js';

const SEARCH_DEBOUNCE_MS = 350;

export function RetailerListPage() {
  const { t, lang } = useT();
  const { can } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const params = useMemo(() => readListParams(new URLSearchParams(location.search)), [location.search]);
  const { stations, grids } = useOrgLists();
  const [filtersOpen, setFiltersOpen] = useState(false);

  const go = (p: ListParams, replace = false) => {
    const search = writeListParams(p);
    navigate({ pathname: location.pathname, search: search ? `?${search}` : '' }, { replace });
  };

  // The box follows the URL (back/forward) and writes to it after a pause.
  const [text, setText] = useState(params.q);
  const typed = useRef(false);
  useEffect(() => {
    if (!typed.current) setText(params.q);
  }, [params.q]);
  useEffect(() => {
    if (!typed.current) return;
    const timer = setTimeout(() => {
      typed.current = false;
      if (text.trim() !== params.q.trim()) go(withFilters(params, { q: text }), true);
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const query = apiQuery(params);
  const list = useLoad(() => findRetailers(query), [query]);
  const open = (r: RetailerListItem) => navigate(`/retailers/${r.id}`, { state: { listSearch: location.search } });

  // English labels are longer than the Chinese ones.
  const en = lang === 'en';
  const sortOrder = (key: string) =>
    params.sort === key ? (params.order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null;
  const columns: TableProps<RetailerListItem>['columns'] = [
    { key: 'customerCode', dataIndex: 'customerCode', title: t.list.col.customerCode, sorter: true, sortOrder: sortOrder('customerCode'), width: 120 },
    {
      key: 'shopName',
      dataIndex: 'shopName',
      title: t.list.col.shopName,
      sorter: true,
      sortOrder: sortOrder('shopName'),
      width: 160,
      render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
    },
    { key: 'address', dataIndex: 'address', title: t.list.col.address, ellipsis: true },
    {
      key: 'phone',
      dataIndex: 'phone',
      title: t.list.col.phone,
      width: 128,
      render: (v: string, r) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {v}
          {r.phoneMasked && <LockOutlined className="zy-muted" style={{ marginInlineStart: 4 }} title={t.card.maskedHint} />}
        </span>
      ),
    },
    { key: 'businessFormat', dataIndex: 'businessFormat', title: t.list.col.businessFormat, width: en ? 120 : 90, ellipsis: true, render: (v: string) => labelOf('businessFormat', v, lang) },
    { key: 'network', dataIndex: 'network', title: t.list.col.network, width: en ? 84 : 72, render: (v: string) => labelOf('network', v, lang) },
    // Grid names share their town prefix (来龙门街道第1…第13网格): wide enough that the number shows, the full name on hover.
    { key: 'grid', dataIndex: 'gridName', title: t.list.col.grid, width: 190, ellipsis: { showTitle: true } },
    { key: 'star', dataIndex: 'star', title: t.list.col.star, sorter: true, sortOrder: sortOrder('star'), width: 96, render: (v: number) => <StarBadge star={v} />, align: 'center' },
    { key: 'tier', dataIndex: 'tier', title: t.list.col.tier, sorter: true, sortOrder: sortOrder('tier'), width: 70, align: 'right' },
    { key: 'classCode', dataIndex: 'classCode', title: t.list.col.classCode, width: 64, responsive: ['xxl'] },
    {
      key: 'eSettlement',
      dataIndex: 'eSettlement',
      title: t.list.col.eSettlement,
      width: 86,
      responsive: ['xxl'],
      render: (v: boolean) => (v ? t.list.eSettlementOn : <span className="zy-muted">{t.list.eSettlementOff}</span>),
    },
    { key: 'status', dataIndex: 'status', title: t.list.col.status, width: en ? 96 : 70, render: (v: string) => <StatusTag status={v} /> },
  ];

  const onTableChange: TableProps<RetailerListItem>['onChange'] = (pg, _f, sorter, extra) => {
    if (extra.action === 'sort') {
      const s = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = s?.order ? (String(s.columnKey) as ListParams['sort']) : undefined;
      go({ ...params, sort: key, order: s?.order === 'descend' ? 'desc' : s?.order ? 'asc' : undefined, page: 1 });
    } else if (extra.action === 'paginate') {
      go({ ...params, page: pg.current ?? 1, pageSize: pg.pageSize ?? params.pageSize });
    }
  };

  const total = list.data?.total ?? 0;
  const capped = list.data?.totalCapped ?? false;
  const filterCount = [
    params.stationId.length,
    params.gridId.length,
    params.network.length,
    params.businessFormat.length,
    params.districtType.length,
    params.star.length,
    params.status.length,
    params.tierMin || params.tierMax ? 1 : 0,
    params.eSettlement ? 1 : 0,
  ].filter(Boolean).length;
  const setFilters = (change: Partial<ListParams>) => go(withFilters(params, change));
  const exportQuery = filterQuery(params);

  const searchBox = (
    <Input.Search
      allowClear
      size="large"
      value={text}
      placeholder={phone ? t.list.searchPlaceholderShort : t.list.searchPlaceholder}
      title={t.list.searchPlaceholder}
      onChange={(e) => {
        typed.current = true;
        setText(e.target.value);
      }}
      onSearch={(v) => {
        typed.current = false;
        go(withFilters(params, { q: v }), true);
      }}
      data-testid="retailer-search"
      aria-label={t.common.search}
    />
  );

  const exportButtons = can('retailer.export') && (
    <Space wrap>
      <Button icon={<DownloadOutlined />} href={exportUrl('xlsx', exportQuery)} data-testid="export-xlsx">
        {t.list.exportXlsx}
      </Button>
      <Button icon={<DownloadOutlined />} href={exportUrl('csv', exportQuery)} data-testid="export-csv">
        {t.list.exportCsv}
      </Button>
    </Space>
  );

  return (
    <div>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap', marginBottom: 12 }}>
        <Typography.Title level={4} className="zy-page-title" style={{ marginBottom: 0, flex: 1 }}>
          {t.list.title}
        </Typography.Title>
        {!phone && exportButtons}
      </div>
      <Space orientation="vertical" size={10} style={{ width: '100%', marginBottom: 12 }}>
        <div style={{ display: 'flex', gap: 8 }}>
          <div style={{ flex: 1 }}>{searchBox}</div>
          {phone && (
            <Badge count={filterCount} size="small">
              <Button size="large" icon={<FilterOutlined />} onClick={() => setFiltersOpen(true)} aria-label={t.list.filters} />
            </Badge>
          )}
        </div>
        {!phone && (
          <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
            <ListFilters params={params} stations={stations} grids={grids} onChange={setFilters} />
            {hasFilters(params) && (
              <Button type="link" icon={<ClearOutlined />} onClick={() => go({ ...readListParams(new URLSearchParams()), q: params.q })}>
                {t.list.clearFilters}
              </Button>
            )}
          </div>
        )}
      </Space>

      {list.error && !list.data ? (
        <ErrorResult error={list.error} onRetry={list.reload} />
      ) : phone ? (
        <PhoneList
          items={list.data?.items ?? []}
          loading={list.loading}
          total={total}
          capped={capped}
          params={params}
          onOpen={open}
          onPage={(page) => go({ ...params, page })}
        />
      ) : (
        <Table<RetailerListItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          onChange={onTableChange}
          onRow={(r) => ({ onClick: () => open(r), className: 'zy-row-click' })}
          locale={{ emptyText: <Empty description={t.list.empty} /> }}
          scroll={{ x: 1000 }}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (n) => t.list.total(n, capped),
          }}
        />
      )}

      {phone && (
        <Drawer
          open={filtersOpen}
          onClose={() => setFiltersOpen(false)}
          placement="bottom"
          size="auto"
          title={t.list.filters}
          extra={
            <Button type="link" onClick={() => go({ ...readListParams(new URLSearchParams()), q: params.q })}>
              {t.list.clearFilters}
            </Button>
          }
        >
          <ListFilters params={params} stations={stations} grids={grids} onChange={setFilters} stacked />
          <div style={{ marginTop: 16 }}>{exportButtons}</div>
        </Drawer>
      )}
    </div>
  );
}

function PhoneList(props: {
  items: RetailerListItem[];
  loading: boolean;
  total: number;
  capped: boolean;
  params: ListParams;
  onOpen: (r: RetailerListItem) => void;
  onPage: (page: number) => void;
}) {
  const { t, lang } = useT();
  const { items, loading, total, params } = props;
  if (!loading && !items.length) return <Empty description={t.list.empty} />;
  return (
    <div style={{ opacity: loading ? 0.6 : 1 }} data-testid="retailer-cards">
      <div className="zy-muted" style={{ marginBottom: 8 }}>
        {t.list.total(total, props.capped)}
      </div>
      {items.map((r) => (
        <div key={r.id} className="zy-retailer-item" onClick={() => props.onOpen(r)} role="button">
          <div className="zy-retailer-item-title">
            <span>{r.shopName}</span>
            <StarBadge star={r.star} />
          </div>
          <div className="zy-retailer-item-sub">
            {r.customerCode} · {labelOf('businessFormat', r.businessFormat, lang)} · {labelOf('network', r.network, lang)} ·{' '}
            {t.card.tierValue(r.tier)} · {r.gridName}
          </div>
          <div className="zy-retailer-item-sub">{r.address}</div>
          <div className="zy-retailer-item-sub">
            {r.phone}
            {r.phoneMasked && <MaskedHint />} {r.status !== 'active' && <StatusTag status={r.status} />}
          </div>
        </div>
      ))}
      <Pagination simple current={params.page} pageSize={params.pageSize} total={total} onChange={props.onPage} style={{ textAlign: 'center', marginTop: 12 }} />
    </div>
  );
}
