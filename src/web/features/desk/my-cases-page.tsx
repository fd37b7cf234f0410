// The retailer's phone: their complaints and requests with the replies they
// were sent, the 回访 question once a case is closed (不满意 reopens it), and
// a short form to report a new problem.
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Empty, Input, Select, Space, Tag, Typography } from 'antd';
import { useT } from '../../i18n/i18n.js';
import { ApiError, type Wire } from '../../api/client.js';
import { CATEGORY_CODES, DESK_CATEGORIES, SURVEY_RESULTS, type DeskCategory, type myCasesSchema } from '../../../shared/desk.js';
import { deskApi } from './desk-api.js';
import { caseLabel, categoryLabel, deskLabel, fmtTime } from './desk-labels.js';
import { CasePhotos, PhotoPicker } from './case-photos.js';

type Item = Wire<typeof myCasesSchema>['items'][number];

export function MyCasesPage() {
  const { t, lang } = useT();
  const d = t.desk;
  const { message } = App.useApp();
  const [items, setItems] = useState<Item[] | null>(null);
  const [category, setCategory] = useState<DeskCategory>('supply');
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<Blob[]>([]);
  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.text(lang) : String(e));
  const load = useCallback(async () => {
    try {
      setItems((await deskApi.myCases()).items);
    } catch (e) {
      fail(e);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => void load(), [load]);
  const [busy, setBusy] = useState(false);
  const act = async (fn: () => Promise<unknown>, ok: string) => {
    setBusy(true);
    try {
      await fn();
      message.success(ok);
      await load();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {d.myTitle}
      </Typography.Title>
      {items === null ? null : items.length === 0 ? (
        <Empty description={d.noCases} />
      ) : (
        items.map((c) => (
          <Card key={c.id} size="small" data-testid={`my-case-${c.id}`} title={caseLabel(c, lang)} extra={<Tag color={c.status === 'closed' ? 'green' : 'blue'}>{deskLabel('status', c.status, lang)}</Tag>}>
            <Typography.Paragraph style={{ marginBottom: 6 }}>{c.text}</Typography.Paragraph>
            <CasePhotos base={`/api/my/cases/${c.id}/photos`} seqs={c.photos} />
            <Typography.Text type="secondary">{fmtTime(c.openedAt)}</Typography.Text>
            <div style={{ marginTop: 8 }}>
              <Typography.Text strong>{d.replies}</Typography.Text>
              {c.replies.length === 0 ? (
                <div>
                  <Typography.Text type="secondary">{d.noReply}</Typography.Text>
                </div>
              ) : (
                c.replies.map((r, i) => (
                  <div key={i} className="zy-my-reply" data-testid="my-reply" style={{ background: '#f6ffed', padding: '6px 8px', borderRadius: 6, marginTop: 4 }}>
                    <Typography.Text>{r.text}</Typography.Text>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {fmtTime(r.at)}
                      </Typography.Text>
                    </div>
                  </div>
                ))
              )}
            </div>
            {c.surveyPending && (
              <div style={{ marginTop: 10 }} data-testid="my-survey">
                <Typography.Text strong>{d.howSatisfied}</Typography.Text>
                <Space wrap style={{ marginTop: 6 }}>
                  {SURVEY_RESULTS.map((r) => (
                    <Button key={r} size="large" danger={r === 'dissatisfied'} onClick={() => void act(() => deskApi.surveyMine(c.id, { result: r }), d.thanks)}>
                      {deskLabel('survey', r, lang)}
                    </Button>
                  ))}
                </Space>
              </div>
            )}
          </Card>
        ))
      )}
      <Card size="small" title={d.newCase}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Select style={{ width: '100%' }} value={category} onChange={setCategory} options={CATEGORY_CODES.map((c) => ({ value: c, label: categoryLabel(c, lang) }))} aria-label={d.category} />
          <Input.TextArea rows={3} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} placeholder={d.myHint} data-testid="my-case-text" />
          <PhotoPicker photos={photos} onChange={setPhotos} />
          <Button
            type="primary"
            block
            size="large"
            disabled={!text.trim()}
            loading={busy}
            data-testid="my-case-submit"
            onClick={() =>
              void act(async () => {
                await deskApi.fileMine({ category, cause: Object.keys(DESK_CATEGORIES[category].causes)[0], text }, photos);
                setText('');
                setPhotos([]);
              }, d.done)
            }
          >
            {d.submit}
          </Button>
        </Space>
      </Card>
    </Space>
  );
}
