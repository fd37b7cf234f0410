// Score sheets: the sheets within reach for a month (a worker: their own,
// opened directly), a sheet's items with rate, target, cap and points, and
// any item drilled down to the records behind its points; export to Excel;
// and the items themselves (?view=scheme), which the county edits.
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Button, Card, DatePicker, Empty, List, Progress, Skeleton, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { SettingOutlined } from '@ant-design/icons';
import { useLoad } from '../../components/use-load.js';
import { useT } from '../../i18n/i18n.js';
import { ScoreSchemeEditor } from './score-scheme-editor.js';
import { drillScoreItem, findScoreSheets, getScoreSheet, scoreSheetExportUrl, type SubjectKind } from './measures-api.js';

function Drill({ kind, id, source, month }: { kind: SubjectKind; id: number; source: string; month: string }) {
  const { t, lang } = useT();
  const s = t.scoreSheets;
  const d = useLoad(() => drillScoreItem(kind, id, source, month), [kind, id, source, month]);
  if (!d.data) return <Skeleton active />;
  return (
    <Card size="small" title={`${lang === 'zh' ? d.data.zh : d.data.en} · ${s.good} ${d.data.good} / ${d.data.total}`} data-testid="drill">
      {d.data.truncated && <Typography.Text type="secondary">{s.truncated(d.data.records.length)}</Typography.Text>}
      <Table
        size="small"
        rowKey={(_, i) => String(i)}
        dataSource={d.data.records}
        pagination={{ pageSize: 20, size: 'small' }}
        columns={[
          { title: s.date, dataIndex: 'date', width: 96 },
          {
            title: s.shop,
            dataIndex: 'shopName',
            render: (name: string, r) => (
              <span>
                {name}
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.detail}
                </Typography.Text>
              </span>
            ),
          },
          { title: s.ok, dataIndex: 'ok', width: 72, render: (ok: boolean) => (ok ? <Tag color="green">{s.ok}</Tag> : <Tag color="red">{s.notOk}</Tag>) },
        ]}
      />
    </Card>
  );
}

function Sheet({ kind, id, month, source, onDrill }: { kind: SubjectKind; id: number; month: string; source: string | null; onDrill: (s: string) => void }) {
  const { t, lang } = useT();
  const s = t.scoreSheets;
  const sheet = useLoad(() => getScoreSheet(kind, id, month), [kind, id, month]);
  if (sheet.error) return <Empty description={s.none} />;
  if (!sheet.data) return <Skeleton active />;
  const d = sheet.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        size="small"
        data-testid="score-sheet"
        title={
          <span>
            {d.subjectName} {d.stationName ? `· ${d.stationName}` : ''} · {d.month}
          </span>
        }
        extra={
          <Button size="small" href={scoreSheetExportUrl(kind, id, d.month, lang)} data-testid="score-export">
            {s.export}
          </Button>
        }
      >
        <div style={{ display: 'flex', alignItems: 'baseline', gap: 8, marginBottom: 8 }}>
          <Typography.Text style={{ fontSize: 28, fontWeight: 600 }} data-testid="score-total">
            {d.total}
          </Typography.Text>
          <Typography.Text type="secondary">/ {d.maxTotal}</Typography.Text>
        </div>
        <List
          dataSource={d.items}
          renderItem={(i) => (
            <List.Item
              key={i.source}
              data-testid={`score-item-${i.source}`}
              style={{ cursor: 'pointer', background: source === i.source ? '#e6f4ff' : undefined, paddingInline: 4 }}
              onClick={() => onDrill(i.source)}
              extra={
                <Typography.Text strong style={{ fontSize: 16 }}>
                  {i.points}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    /{i.cap}
                  </Typography.Text>
                </Typography.Text>
              }
            >
              <List.Item.Meta
                title={lang === 'zh' ? i.zh : i.en}
                description={
                  <span style={{ fontSize: 12 }}>
                    {i.rate === null ? s.noRecords : `${(i.rate * 100).toFixed(1)}%`} ({i.good}/{i.total}) · {s.target} {Math.round(i.target * 100)}% → {i.fullPoints}
                    <Progress percent={i.cap ? Math.round((i.points / i.cap) * 100) : 0} size="small" showInfo={false} style={{ margin: 0 }} />
                  </span>
                }
              />
            </List.Item>
          )}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {s.computedAt(dayjs(d.computedAt).format('YYYY-MM-DD HH:mm'))}
        </Typography.Text>
      </Card>
      {source && <Drill kind={kind} id={id} source={source} month={d.month} />}
    </Space>
  );
}

export function ScoreSheetsPage() {
  const { t } = useT();
  const s = t.scoreSheets;
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? undefined;
  const kind = params.get('kind') as SubjectKind | null;
  const id = Number(params.get('id')) || null;
  const source = params.get('source');
  const view = params.get('view');
  const list = useLoad(() => findScoreSheets(month), [month]);
  const set = (next: Record<string, string | null>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) if (v === null) p.delete(k);
    else p.set(k, v);
    setParams(p);
  };
  const shownMonth = month ?? list.data?.month;
  // One sheet in reach (a worker's own): open it.
  useEffect(() => {
    const items = list.data?.items;
    if (!kind && items?.length === 1) set({ kind: items[0].subjectKind, id: String(items[0].subjectId), month: list.data!.month });
  }, [list.data]);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {s.title}
        </Typography.Title>
        <DatePicker
          picker="month"
          allowClear={false}
          value={shownMonth ? dayjs(`${shownMonth}-01`) : undefined}
          onChange={(v) => v && set({ month: v.format('YYYY-MM'), source: null })}
          data-testid="score-month"
        />
        {(view || (kind && (list.data?.items.length ?? 0) > 1)) && <Button onClick={() => set({ kind: null, id: null, source: null, view: null })}>{s.back}</Button>}
        {!view && (list.data?.items.length ?? 0) > 1 && (
          <Button icon={<SettingOutlined />} onClick={() => set({ view: 'scheme', kind: null, id: null, source: null })} data-testid="scheme-open">
            {s.scheme.open}
          </Button>
        )}
      </Space>
      {view === 'scheme' ? (
        <ScoreSchemeEditor />
      ) : kind && id && shownMonth ? (
        <Sheet kind={kind} id={id} month={shownMonth} source={source} onDrill={(src) => set({ source: src })} />
      ) : !list.data ? (
        <Skeleton active />
      ) : list.data.items.length === 0 ? (
        <Empty description={s.none} />
      ) : (
        <Table
          size="small"
          rowKey={(r) => `${r.subjectKind}-${r.subjectId}`}
          dataSource={list.data.items}
          pagination={false}
          data-testid="score-list"
          onRow={(r) => ({ onClick: () => set({ kind: r.subjectKind, id: String(r.subjectId), month: list.data!.month }), style: { cursor: 'pointer' } })}
          columns={[
            { title: s.subject, dataIndex: 'subjectName' },
            { title: s.station, dataIndex: 'stationName' },
            { title: '', dataIndex: 'subjectKind', render: (k: SubjectKind) => <Tag>{k === 'worker' ? s.worker : s.station}</Tag> },
            { title: s.total, dataIndex: 'total', render: (x: number, r) => `${x} / ${r.maxTotal}` },
          ]}
        />
      )}
    </Space>
  );
}
