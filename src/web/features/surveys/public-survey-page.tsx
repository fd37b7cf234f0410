// The page an SMS link opens, without logging in: the signed link is the
// credential and answers once (decision 1705).
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Card, Result, Spin, Typography } from 'antd';
import { useT } from '../../i18n/i18n.js';
import { ApiError, type Wire } from '../../api/client.js';
import type { publicSurveySchema } from '../../../shared/surveys.js';
import { AnswerForm } from './answer-form.js';
import { surveysApi } from './surveys-api.js';

export function PublicSurveyPage() {
  const { token = '' } = useParams();
  const { t, lang } = useT();
  const s = t.surveys;
  const [page, setPage] = useState<Wire<typeof publicSurveySchema> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  useEffect(() => {
    surveysApi.linkPage(token).then(setPage, (e: unknown) => setError(e instanceof ApiError ? e : new ApiError(0, { code: 'network', message: String(e) })));
  }, [token]);
  return (
    <div style={{ maxWidth: 560, margin: '0 auto', padding: 12 }}>
      <Typography.Title level={4}>{s.linkTitle}</Typography.Title>
      {done ? (
        <Result status="success" title={s.thanks} data-testid="link-thanks" />
      ) : error ? (
        <Result status={error.code === 'survey_link_used' ? 'info' : 'warning'} title={error.code === 'survey_link_used' ? s.linkUsed : error.text(lang)} />
      ) : !page ? (
        <Spin />
      ) : (
        <Card size="small" title={page.roundName}>
          <Typography.Paragraph type="secondary">
            {s.linkFor}
            {page.shopName}
          </Typography.Paragraph>
          <AnswerForm
            def={page.definition}
            onSubmit={async (answers) => {
              await surveysApi.answerLink(token, answers);
              setDone(true);
            }}
          />
        </Card>
      )}
    </div>
  );
}
