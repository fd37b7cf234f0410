// 客户代表 (county manager): the cap, ranked candidates to invite, current
// representatives on the map and in a table, and the review (keep / demote with a reason).
import { useState } from 'react';
import { App, Button, Card, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import { ApiError } from '../../api/client.js';
import { getOrg } from '../../api/endpoints.js';
import { CountyMap } from '../../components/county-map.js';
import { StarBadge } from '../../components/retailer-tags.js';
import { useLoad } from '../../components/use-load.js';
import { textOf, useT } from '../../i18n/i18n.js';
import { useSession } from '../../shell/session.js';
import {
  exitRepresentative,
  findRepresentativeCandidates,
  findRepresentatives,
  inviteRepresentative,
  respondRepresentative,
  reviewRepresentative,
  setRepresentativeCap,
  type RepresentativeItem,
} from './rating-api.js';
import { labelOf } from '../../../shared/codes.js';

const statusColor: Record<string, string> = { invited: 'gold', active: 'green', declined: 'default', exited: 'default', demoted: 'red' };

export function RepresentativesPanel() {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const { can } = useSession();
  const reps = useLoad(findRepresentatives, []);
  const cands = useLoad(findRepresentativeCandidates, []);
  const org = useLoad(getOrg, []);
  const [cap, setCap] = useState<number | null>(null);
  const [review, setReview] = useState<{ rep: RepresentativeItem; outcome: 'keep' | 'demote' } | null>(null);
  const [reason, setReason] = useState('');
  const manage = can('rating.manage');

  const run = async (work: () => Promise<unknown>, done?: string) => {
    try {
      await work();
      if (done) message.success(done);
      reps.reload();
      cands.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.text(lang) : t.common.unknownError);
    }
  };
  const r = reps.data;
  const active = (r?.items ?? []).filter((x) => x.status === 'active' || x.status === 'invited');
  const suggestion = new Map((cands.data?.suggestions ?? []).map((s) => [s.retailerId, s]));

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      {r && (
        <Card size="small">
          <Space wrap>
            <span>{t.rep.cap}</span>
            <InputNumber min={0.5} max={20} step={0.5} value={cap ?? r.capPct} onChange={(v) => setCap(v)} addonAfter="%" disabled={!manage} data-testid="rep-cap" />
            {manage && (
              <Button onClick={() => run(() => setRepresentativeCap(cap ?? r.capPct), t.rep.capSaved)} data-testid="rep-cap-save">
                {t.common.save}
              </Button>
            )}
            <Typography.Text type="secondary">{t.rep.capUsage(r.used, r.cap, r.retailers)}</Typography.Text>
          </Space>
        </Card>
      )}
      <div className="zy-card-grid">
        <Card size="small" title={t.rep.current}>
          <Table
            size="small"
            rowKey="id"
            dataSource={r?.items ?? []}
            pagination={{ pageSize: 8, hideOnSinglePage: true }}
            columns={[
              { title: t.rating.shop, dataIndex: 'shopName' },
              { title: t.rating.starMove, key: 'star', render: (_, x) => <StarBadge star={x.star} /> },
              { title: t.rep.status, key: 'status', render: (_, x) => <Tag color={statusColor[x.status]}>{labelOf('representativeStatus', x.status, lang)}</Tag> },
              {
                title: t.rep.review,
                key: 'review',
                render: (_, x) =>
                  x.status === 'active' && manage ? (
                    <Space size={4} wrap>
                      {suggestion.get(x.retailerId)?.outcome === 'demote' && (
                        <Tag color="red">{suggestion.get(x.retailerId)!.reasons.map((s) => s[lang]).join(t.punct.semicolon)}</Tag>
                      )}
                      <Button size="small" onClick={() => setReview({ rep: x, outcome: 'keep' })}>
                        {t.rep.keep}
                      </Button>
                      <Button size="small" danger onClick={() => setReview({ rep: x, outcome: 'demote' })}>
                        {t.rep.demote}
                      </Button>
                    </Space>
                  ) : (
                    <span className="zy-muted">{x.endReason ?? x.lastReview?.reason ?? ''}</span>
                  ),
              },
            ]}
          />
        </Card>
        <Card size="small" title={t.rep.map}>
          {org.data ? (
            <CountyMap org={org.data} points={active.map((x) => ({ lat: x.lat, lng: x.lng, label: x.shopName }))} height={300} />
          ) : (
            <div className="zy-map" />
          )}
        </Card>
      </div>
      <Card size="small" title={t.rep.candidates}>
        <Table
          size="small"
          rowKey="retailerId"
          loading={cands.loading}
          dataSource={cands.data?.items ?? []}
          pagination={{ pageSize: 10, showSizeChanger: false }}
          scroll={{ x: 760 }}
          data-testid="rep-candidates"
          columns={[
            { title: '#', dataIndex: 'rank', width: 50 },
            { title: t.rating.shop, dataIndex: 'shopName' },
            { title: t.rating.grid, dataIndex: 'gridName' },
            { title: t.rep.score, dataIndex: 'score', align: 'right' },
            {
              title: t.rep.parts,
              key: 'parts',
              render: (_, c) => (
                <span className="zy-muted">
                  {Object.entries(c.parts)
                    .map(([k, v]) => `${textOf(t.rep.partNames, k)} ${v}`)
                    .join(' · ')}
                </span>
              ),
            },
            {
              title: '',
              key: 'act',
              render: (_, c) =>
                c.status ? (
                  <Tag color={statusColor[c.status]}>{c.status ? labelOf('representativeStatus', c.status, lang) : null}</Tag>
                ) : !c.eligible ? (
                  <Tag>{t.rep.notEligible}</Tag>
                ) : manage ? (
                  <Button size="small" type="primary" onClick={() => run(() => inviteRepresentative(c.retailerId), t.rep.invited)}>
                    {t.rep.invite}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <Modal
        open={!!review}
        title={review ? `${review.outcome === 'keep' ? t.rep.keep : t.rep.demote} · ${review.rep.shopName}` : ''}
        okButtonProps={{ disabled: reason.trim().length < 4 }}
        onCancel={() => setReview(null)}
        onOk={async () => {
          if (!review) return;
          await run(() => reviewRepresentative(review.rep.id, review.outcome, reason.trim()), t.rep.reviewed);
          setReview(null);
          setReason('');
        }}
      >
        <Input.TextArea rows={3} placeholder={t.rep.reasonHint} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </Space>
  );
}

/** A shop's own invitation: accept or decline; once a representative, leave with a reason. */
export function MyRepresentativeCard() {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const reps = useLoad(findRepresentatives, []);
  const [leaving, setLeaving] = useState(false);
  const [reason, setReason] = useState('');
  const mine = (reps.data?.items ?? []).find((x) => x.status === 'invited' || x.status === 'active');
  if (!mine) return null;
  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      reps.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.text(lang) : t.common.unknownError);
    }
  };
  return (
    <Card size="small" title={t.rep.myTitle} style={{ marginBottom: 12 }} data-testid="my-representative">
      {mine.status === 'invited' ? (
        <Space wrap>
          <span>{t.rep.invitation}</span>
          <Button type="primary" onClick={() => act(() => respondRepresentative(mine.id, true))}>
            {t.rep.accept}
          </Button>
          <Button onClick={() => act(() => respondRepresentative(mine.id, false))}>{t.rep.decline}</Button>
        </Space>
      ) : (
        <Space wrap>
          <Tag color="green">{labelOf('representativeStatus', 'active', lang)}</Tag>
          <Button size="small" onClick={() => setLeaving(true)}>
            {t.rep.exit}
          </Button>
        </Space>
      )}
      <Modal
        open={leaving}
        title={t.rep.exit}
        okButtonProps={{ disabled: reason.trim().length < 4 }}
        onCancel={() => setLeaving(false)}
        onOk={async () => {
          await act(() => exitRepresentative(mine.id, reason.trim()));
          setLeaving(false);
        }}
      >
        <Input.TextArea rows={3} placeholder={t.rep.reasonHint} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </Card>
  );
}
