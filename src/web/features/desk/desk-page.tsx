// The service desk: the agent's quick intake beside the case list; handlers
// and station heads see their task list (due and overdue first) and work a
// case in the drawer.
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Checkbox, Col, Row, Segmented, Space, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { ApiError, toQuery, type Wire } from '../../api/client.js';
import { formatNumber } from '../../../shared/format.js';
import { useT } from '../../i18n/i18n.js';
import { useSession } from '../../shell/session.js';
import { CASE_EXPORT_LIMIT, type caseListSchema } from '../../../shared/desk.js';
import { deskApi } from './desk-api.js';
import { DeskIntake } from './desk-intake.js';
import { CaseList } from './case-list.js';
import { CaseDrawer } from './case-drawer.js';
import { RewardLedger } from './reward-ledger.js';

type Status = 'open' | 'survey_due' | 'closed';
type Due = 'warning' | 'breached';

export function DeskPage() {
  const { t, lang } = useT();
  const d = t.desk;
  const { message } = App.useApp();
  const session = useSession();
  // Deep links (the home): ?status=survey_due, ?mine=true, ?due=breached, ?case=<id> opens that case.
  const [params] = useSearchParams();
  const param = <T extends string>(key: string, allowed: readonly T[]): T | undefined => allowed.find((v) => v === params.get(key));
  const [status, setStatus] = useState<Status>(() => param('status', ['open', 'survey_due', 'closed'] as const) ?? 'open');
  const [mine, setMine] = useState(() => params.get('mine') === 'true');
  const [due, setDue] = useState<Due | undefined>(() => param('due', ['warning', 'breached'] as const));
  const [items, setItems] = useState<Wire<typeof caseListSchema>['items']>([]);
  const [openId, setOpenId] = useState<number | null>(() => (Number(params.get('case')) > 0 ? Number(params.get('case')) : null));

  const load = useCallback(async () => {
    try {
      setItems((await deskApi.cases({ status: due ? 'open' : status, mine: mine ? 'true' : undefined, due })).items);
    } catch (e) {
      message.error(e instanceof ApiError ? e.text(lang) : String(e));
    }
  }, [status, mine, due, lang, message]);
  useEffect(() => void load(), [load]);
  const exportHref = (format: 'xlsx' | 'csv') => `/api/desk/cases/export${toQuery({ status: due ? 'open' : status, mine: mine ? 'true' : undefined, due, format, lang })}`;

  const list = (
    <Card
      size="small"
      title={d.title}
      extra={
        <Space wrap>
          <Segmented<Status>
            value={status}
            onChange={(v) => {
              setDue(undefined);
              setStatus(v);
            }}
            options={[
              { value: 'open', label: d.open },
              { value: 'survey_due', label: d.surveyDue },
              { value: 'closed', label: d.closed },
            ]}
          />
          {due && (
            <Tag closable color={due === 'breached' ? 'red' : 'orange'} onClose={() => setDue(undefined)} data-testid="desk-due-filter">
              {due === 'breached' ? d.breached : d.warning}
            </Tag>
          )}
          {session.can('desk.work') && (
            <Checkbox checked={mine} onChange={(e) => setMine(e.target.checked)}>
              {d.mine}
            </Checkbox>
          )}
          <Button size="small" icon={<DownloadOutlined />} href={exportHref('xlsx')} title={d.exportNote(formatNumber(CASE_EXPORT_LIMIT))} data-testid="desk-export">
            {d.export}
          </Button>
          <Button size="small" href={exportHref('csv')} title={d.exportNote(formatNumber(CASE_EXPORT_LIMIT))}>
            {d.exportCsv}
          </Button>
        </Space>
      }
    >
      <Typography.Text type="secondary">
        {items.length} {d.caseCount}
      </Typography.Text>
      <CaseList items={items} onOpen={setOpenId} />
    </Card>
  );
  return (
    <>
      {session.can('desk.create') ? (
        <Row gutter={12}>
          <Col xs={24} lg={9}>
            <DeskIntake onCreated={() => void load()} channel={session.me?.user.role === 'call_agent' ? 'phone' : 'walk_in'} />
          </Col>
          <Col xs={24} lg={15}>
            {list}
          </Col>
        </Row>
      ) : (
        list
      )}
      {session.can('desk.reward') && <RewardLedger onOpenCase={setOpenId} />}
      <CaseDrawer id={openId} onClose={() => setOpenId(null)} onChanged={() => void load()} />
    </>
  );
}
